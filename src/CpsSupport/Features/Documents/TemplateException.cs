namespace CpsSupport.Features.Documents;

/// <summary>
/// A template cannot be used: broken syntax, unknown variable or filter, missing partial, forbidden field.
/// The message is French and meant for the supervisor who edits the template.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, int? line, string detail, Exception? innerException = null)
        : base(line is { } l
            ? $"Le modèle {templateName} contient une erreur ligne {l} : {detail}"
            : $"Le modèle {templateName} contient une erreur : {detail}", innerException)
    {
        TemplateName = templateName;
        Line = line;
        Detail = detail;
    }

    /// <summary>Template path relative to the templates root, with its extension (<c>forms/f501.liquid</c>).</summary>
    public string TemplateName { get; }

    /// <summary>1-based line of the error when it is known.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the template name and line.</summary>
    public string Detail { get; }
}
