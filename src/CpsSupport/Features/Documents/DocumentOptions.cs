namespace CpsSupport.Features.Documents;

/// <summary>Where the document templates live and how their values are shown (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// Folder holding <c>forms/</c>, <c>letters/</c>, <c>partials/</c> and <c>assets/</c>: the repository's
    /// <c>templates/</c> by default. Supervisors edit it in place; changes are picked up without a restart.
    /// </summary>
    public string TemplatesRoot { get; set; } = "templates";

    /// <summary>Time zone in which instants (received at, generated at) are printed.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
}
