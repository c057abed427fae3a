using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Documents;

/// <summary>
/// Renders a Liquid template of <see cref="TemplateStore"/> with a model into a self-contained HTML page.
/// Model members are read in snake_case (<c>holder.last_name</c>), values are HTML-encoded, and every
/// template mistake (syntax, unknown variable or filter, missing partial, secret field) becomes a
/// <see cref="TemplateException"/> naming the template and line.
/// </summary>
public sealed partial class DocumentTemplateRenderer
{
    /// <summary>Variable a template assigns to give the document its title.</summary>
    public const string TitleVariable = "document_title";

    /// <summary>Variable a template assigns to print its form number and version in every page footer.</summary>
    public const string ReferenceVariable = "document_reference";

    private static readonly FluidParser Parser = new();
    private static readonly TextEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly TemplateStore _store;
    private readonly TimeZoneInfo _timeZone;
    private readonly ConcurrentDictionary<string, (TemplateFile File, IFluidTemplate Template)> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Lazy<TemplateOptions>> _optionsByModel = new();

    public DocumentTemplateRenderer(TemplateStore store, IOptions<DocumentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    /// <summary>
    /// Renders <paramref name="templateName"/> (<c>forms/f501</c>) with <paramref name="model"/>. An unknown
    /// variable is an error, not an empty box: a form must never go out with a silently missing field.
    /// </summary>
    /// <exception cref="TemplateException">The template is missing, broken, reads an unknown variable or a secret field.</exception>
    /// <exception cref="InvalidOperationException">The model type carries a PIN or unblock code.</exception>
    public Task<DocumentHtml> RenderAsync(string templateName, object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var file = _store.Read(templateName);
        return RenderAsync(file, Parse(file), model, cancellationToken);
    }

    /// <summary>
    /// Renders <paramref name="text"/>, an unsaved version of <paramref name="templateName"/>, with its partials as on disk:
    /// the template editor checks a change and previews it before anything is written.
    /// </summary>
    /// <exception cref="TemplateException">The text is broken, reads an unknown variable or a secret field.</exception>
    public Task<DocumentHtml> RenderDraftAsync(string templateName, string text, object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var file = new TemplateFile(TemplateStore.NormalizeName(templateName), text, DateTime.MinValue, -1);
        return RenderAsync(file, Parse(file, cache: false), model, cancellationToken);
    }

    private async Task<DocumentHtml> RenderAsync(TemplateFile file, IFluidTemplate template, object model, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _optionsByModel.GetOrAdd(model.GetType(), type => new Lazy<TemplateOptions>(() => CreateOptions(type))).Value;

        var undefined = new ConcurrentQueue<string>();
        string? title = null, reference = null;
        var context = new TemplateContext(model, options)
        {
            Undefined = name =>
            {
                undefined.Enqueue(name);
                return new ValueTask<FluidValue>(NilValue.Instance);
            },
            Assigned = (name, value, _) =>
            {
                if (name == TitleVariable) title = value.ToStringValue();
                if (name == ReferenceVariable) reference = value.ToStringValue();
                return new ValueTask<FluidValue>(value);
            },
        };

        string body;
        try
        {
            body = await template.RenderAsync(context, Encoder);
        }
        catch (ParseException e)
        {
            throw FromIncludedParseError(file, e);
        }
        catch (FileNotFoundException e)
        {
            var missing = TemplateStore.NormalizeName(e.FileName ?? e.Message);
            throw new TemplateException(file.Name, LineOf(file.Text, missing[..^TemplateStore.Extension.Length]),
                $"le modèle inclus « {missing} » est introuvable", e);
        }
        catch (FluidException e)
        {
            throw FromRenderError(file, e);
        }

        if (!undefined.IsEmpty)
        {
            throw UnknownVariables(file, undefined.Distinct().ToList());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var documentTitle = title ?? Path.GetFileNameWithoutExtension(file.Name);
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(documentTitle)}</title>
            <style>
            {_store.ReadStylesheet()}
            </style>
            </head>
            <body>
            {body}
            </body>
            </html>
            """;
        return new DocumentHtml(file.Name, documentTitle, reference ?? "", html, _store.ReadFooterStylesheet());
    }

    private IFluidTemplate Parse(TemplateFile file, bool cache = true)
    {
        if (cache && _parsed.TryGetValue(file.Name, out var cached) && ReferenceEquals(cached.File, file))
        {
            return cached.Template;
        }

        if (!Parser.TryParse(file.Text, out var template, out var error))
        {
            var (line, detail) = SplitParserError(error);
            throw new TemplateException(file.Name, line, detail);
        }

        EnsureNoSecret(file, template);
        if (cache)
        {
            _parsed[file.Name] = (file, template);
        }

        return template;
    }

    private TemplateOptions CreateOptions(Type modelType)
    {
        SecretFields.EnsureNoneIn(modelType);
        var options = new TemplateOptions
        {
            FileProvider = _store.FileProvider,
            StrictFilters = true,
            CultureInfo = French,
            TimeZone = _timeZone,
            MaxSteps = 100_000,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in SecretFields.ModelTypes(modelType))
        {
            options.MemberAccessStrategy.Register(type);
        }

        options.ValueConverters.Add(value => value switch
        {
            // Enum members compare as snake_case strings: {% if incident.kind == 'codes_not_received' %}.
            Enum member => JsonNamingPolicy.SnakeCaseLower.ConvertName(member.ToString()),
            // Midnight UTC is the same calendar day in Paris (UTC+1/+2), where dates are printed.
            DateOnly date => new DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            _ => null,
        });
        DocumentFilters.Register(options.Filters);
        options.TemplateParsed = (path, template) =>
        {
            EnsureNoSecret(_store.Read(path), template);
            return template;
        };
        return options;
    }

    private static void EnsureNoSecret(TemplateFile file, IFluidTemplate template)
    {
        if (SecretFields.FindIn(template) is { } secret)
        {
            throw new TemplateException(file.Name, LocateVariable(file.Text, secret)?.Line,
                $"le champ « {secret} » est interdit : aucun document n'affiche de code porteur ni de code de déblocage");
        }
    }

    private TemplateException FromIncludedParseError(TemplateFile file, ParseException e)
    {
        var match = IncludedParseError().Match(e.Message);
        if (!match.Success)
        {
            return new TemplateException(file.Name, null, e.Message, e);
        }

        var (line, detail) = SplitParserError(match.Groups["error"].Value);
        return new TemplateException(match.Groups["name"].Value, line, detail, e);
    }

    private static TemplateException FromRenderError(TemplateFile file, FluidException e)
    {
        var filter = UndefinedFilter().Match(e.Message);
        return filter.Success
            ? new TemplateException(file.Name, LineOfFilter(file.Text, filter.Groups["name"].Value),
                $"filtre inconnu « {filter.Groups["name"].Value} »", e)
            : new TemplateException(file.Name, null, e.Message, e);
    }

    /// <summary>Names the first unknown variable where it is written: the template itself, else one of the partials.</summary>
    private TemplateException UnknownVariables(TemplateFile file, IReadOnlyList<string> names)
    {
        IEnumerable<string> partials = Directory.Exists(Path.Combine(_store.Root, "partials"))
            ? Directory.EnumerateFiles(Path.Combine(_store.Root, "partials"), "*" + TemplateStore.Extension, SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(_store.Root, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];
        var others = names.Count > 1 ? $" (et aussi : {string.Join(", ", names.Skip(1).Select(n => $"« {n} »"))})" : "";
        foreach (var candidate in new[] { file.Name }.Concat(partials))
        {
            var source = candidate == file.Name ? file : _store.Read(candidate);
            if (LocateVariable(source.Text, names[0]) is { } found)
            {
                return new TemplateException(source.Name, found.Line, $"variable inconnue « {found.Path} »{others}");
            }
        }

        return new TemplateException(file.Name, null, $"variable inconnue « {names[0]} »{others}");
    }

    /// <summary>Splits Fluid's « X was expected at (12:5) » into the line and a French detail where a translation is known.</summary>
    private static (int? Line, string Detail) SplitParserError(string error)
    {
        var firstLine = error.Split('\n')[0].Trim();
        var position = ParserPosition().Match(firstLine);
        var detail = position.Success ? firstLine[..position.Index].Trim() : firstLine;
        detail = detail switch
        {
            _ when Expected().Match(detail) is { Success: true } m => $"« {m.Groups[1].Value} » est attendu",
            _ when UnknownTag().Match(detail) is { Success: true } m => $"balise inconnue « {m.Groups[1].Value} »",
            _ when InvalidTag().Match(detail) is { Success: true } m => $"balise « {m.Groups[1].Value} » mal formée",
            _ => detail,
        };
        return (position.Success ? int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) : null, detail);
    }

    /// <summary>Line and full path (<c>holder.nom</c>) of the first variable inside a Liquid tag that has a segment named <paramref name="name"/>.</summary>
    internal static (int Line, string Path)? LocateVariable(string text, string name)
    {
        foreach (Match tag in LiquidTag().Matches(text))
        {
            // Blank out string literals, keeping offsets, so that words in quotes are not taken for variables.
            var code = StringLiteral().Replace(tag.Value, m => new string(' ', m.Length));
            foreach (Match path in VariablePath().Matches(code))
            {
                if (path.Value.Split('.').Contains(name, StringComparer.Ordinal))
                {
                    return (LineAt(text, tag.Index + path.Index), path.Value);
                }
            }
        }

        return null;
    }

    private static int? LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        return index < 0 ? null : LineAt(text, index);
    }

    private static int? LineOfFilter(string text, string filter)
    {
        var match = Regex.Match(text, $@"\|\s*{Regex.Escape(filter)}\b");
        return match.Success ? LineAt(text, match.Index) : null;
    }

    private static int LineAt(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidTag();

    [GeneratedRegex("""'[^']*'|"[^"]*"|\[[^\]]*\]""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")]
    private static partial Regex VariablePath();

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ParserPosition();

    [GeneratedRegex(@"Failed to parse template '(?<name>[^']+)'\.\s*(?<error>.*)", RegexOptions.Singleline)]
    private static partial Regex IncludedParseError();

    [GeneratedRegex("Undefined filter '(?<name>[^']+)'")]
    private static partial Regex UndefinedFilter();

    [GeneratedRegex("^'(.+)' was expected$")]
    private static partial Regex Expected();

    [GeneratedRegex("^Unknown tag '(.+)'$")]
    private static partial Regex UnknownTag();

    [GeneratedRegex("^Invalid '(.+)' tag$")]
    private static partial Regex InvalidTag();
}
