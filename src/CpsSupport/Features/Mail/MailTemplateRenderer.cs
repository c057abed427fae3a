using System.Collections.Concurrent;
using System.Globalization;
using CpsSupport.Features.Documents;
using Fluid;
using Fluid.Values;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Renders the plain-text mail templates of <c>templates/mail/</c> (Liquid, read through <see cref="TemplateStore"/>, so an
/// edit is used by the next mail). A template assigns <c>subject</c>; the ticket number is put in front of the subject when
/// the template left it out, because replies are threaded on it. An unknown variable is an error, as for documents.
/// </summary>
public sealed class MailTemplateRenderer(TemplateStore store)
{
    /// <summary>Variable a mail template assigns to give the message its subject.</summary>
    public const string SubjectVariable = "subject";

    private static readonly FluidParser Parser = new();
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private readonly ConcurrentDictionary<string, (TemplateFile File, IFluidTemplate Template)> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, TemplateOptions> _options = new();

    /// <summary>Renders <paramref name="templateName"/> (<c>mail/reply</c>) for the ticket <paramref name="ticket"/>.</summary>
    /// <exception cref="TemplateException">The template is missing, broken, reads an unknown variable or assigns no subject.</exception>
    public async Task<RenderedMail> RenderAsync(string templateName, MailTicket ticket, object model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var file = store.Read(templateName);
        var template = Parse(file);
        var undefined = new ConcurrentQueue<string>();
        string? subject = null;
        var context = new TemplateContext(model, _options.GetOrAdd(model.GetType(), CreateOptions))
        {
            Undefined = name =>
            {
                undefined.Enqueue(name);
                return new ValueTask<FluidValue>(NilValue.Instance);
            },
            Assigned = (name, value, _) =>
            {
                if (name == SubjectVariable) subject = value.ToStringValue();
                return new ValueTask<FluidValue>(value);
            },
        };
        ct.ThrowIfCancellationRequested();
        string body;
        try
        {
            body = await template.RenderAsync(context, NullEncoder.Default);
        }
        catch (FluidException e)
        {
            throw new TemplateException(file.Name, null, e.Message, e);
        }
        if (!undefined.IsEmpty) throw new TemplateException(file.Name, null, $"variable inconnue « {undefined.First()} »");
        if (string.IsNullOrWhiteSpace(subject)) throw new TemplateException(file.Name, null, $"le modèle doit définir « {SubjectVariable} » ({{% assign subject = … %}})");
        subject = OneLine(subject);
        var token = $"[{ticket.Number}]";
        if (!subject.Contains(token, StringComparison.Ordinal)) subject = $"{token} {subject}";
        return new RenderedMail(subject, Tidy(body));
    }

    private IFluidTemplate Parse(TemplateFile file)
    {
        if (_parsed.TryGetValue(file.Name, out var cached) && ReferenceEquals(cached.File, file)) return cached.Template;
        if (!Parser.TryParse(file.Text, out var template, out var error)) throw new TemplateException(file.Name, null, error.Split('\n')[0].Trim());
        _parsed[file.Name] = (file, template);
        return template;
    }

    private TemplateOptions CreateOptions(Type modelType)
    {
        var options = new TemplateOptions
        {
            FileProvider = store.FileProvider,
            StrictFilters = true,
            CultureInfo = French,
            TimeZone = Paris,
            MaxSteps = 100_000,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register(modelType);
        options.MemberAccessStrategy.Register<MailTicket>();
        options.ValueConverters.Add(value => value is DateOnly date
            ? new DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : null);
        DocumentFilters.Register(options.Filters);
        return options;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())).Trim();

    /// <summary>Liquid tags leave blank lines and trailing spaces behind: at most one empty line in a row, CRLF-free.</summary>
    private static string Tidy(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(line);
        }
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return string.Join('\n', result) + "\n";
    }
}
