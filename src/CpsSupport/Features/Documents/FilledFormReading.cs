using System.Text.Json.Nodes;
using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents;

/// <summary>What became of a PDF that arrived: its fields were read, or it is attached as it is.</summary>
public enum FilledFormStatus
{
    /// <summary>The PDF has form fields; they are proposed as a pre-filled request.</summary>
    Read,

    /// <summary>No form fields (a scan, a printed form), or not readable as a PDF: the file is only attached.</summary>
    AttachedAsIs,
}

/// <summary>One field of a filled PDF form.</summary>
/// <param name="Name">Its fully qualified name in the PDF (<c>holder.lastName</c>, <c>nom</c>).</param>
/// <param name="Key">Where it goes in the request's details (<c>holder.nationalId</c>), null when the field is unknown.</param>
/// <param name="Label">French name shown to the agent.</param>
/// <param name="Value">The value, normalized when valid (identifier without spaces, date as yyyy-MM-dd), as typed otherwise.</param>
/// <param name="Error">French reason the value is wrong, null when it is valid.</param>
public sealed record FilledFormField(string Name, string? Key, string Label, string Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// A filled PDF form read by <see cref="FilledFormReader"/>, proposed to the agent as a pre-filled request: the form
/// it seems to be, each value checked, and the details JSON a request of that form would carry.
/// </summary>
/// <param name="Message">French summary for the agent (form recognised and how, or why the file is attached as is).</param>
/// <param name="Warnings">Fields left out on purpose, such as a PIN typed into the form.</param>
public sealed record FilledFormReading(
    FilledFormStatus Status,
    FormCode? Form,
    string Message,
    IReadOnlyList<FilledFormField> Fields,
    IReadOnlyList<string> Warnings)
{
    public bool HasErrors => Fields.Any(f => !f.IsValid);

    /// <summary>
    /// The known fields as request details: dotted keys become nested objects (<c>{"holder":{"lastName":"MARTIN"}}</c>),
    /// ticked boxes <c>true</c>. Invalid values are kept as typed, for the agent to correct.
    /// </summary>
    public string ToDetailsJson()
    {
        var root = new JsonObject();
        foreach (var field in Fields.Where(f => f.Key is not null))
        {
            // A numeric segment is an index into a list (mandataries.0.lastName): {"mandataries":[{"lastName":…}]}.
            var segments = field.Key!.Split('.');
            JsonNode node = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                JsonNode? next = last ? Value(field.Value) : IsIndex(segments[i + 1]) ? new JsonArray() : new JsonObject();
                node = Child(node, segments[i], next, replace: last);
            }
        }

        return root.ToJsonString();
    }

    private static bool IsIndex(string segment) => segment.All(char.IsAsciiDigit);

    private static JsonNode? Value(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        var text => JsonValue.Create(text),
    };

    // The child named (object) or numbered (list) segment of node, created as created when missing; lists grow with empty items.
    private static JsonNode Child(JsonNode node, string segment, JsonNode? created, bool replace)
    {
        if (node is JsonArray list && IsIndex(segment))
        {
            var index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
            while (list.Count <= index) list.Add(new JsonObject());
            if (replace || list[index]?.GetType() != created?.GetType()) list[index] = created;
            return list[index]!;
        }

        var obj = (JsonObject)node;
        if (replace || obj[segment] is not { } existing || existing.GetType() != created?.GetType())
        {
            obj[segment] = created;
        }

        return obj[segment]!;
    }

    /// <summary>
    /// The structure the form names, valid values only: its FINESS, then SIRET, then SIREN (<c>structure.…</c>), then the
    /// SIRET of an organisation ordering test cards (F414); null when none.
    /// </summary>
    public string? StructureIdentifier =>
        new[] { "structure.finess", "structure.siret", "structure.siren", "siret" }
            .Select(key => Fields.FirstOrDefault(f => f.Key == key && f.IsValid && !string.IsNullOrWhiteSpace(f.Value))?.Value)
            .FirstOrDefault(v => v is not null);

    /// <summary>The value proposed for a details key, or null.</summary>
    public string? ValueOf(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
