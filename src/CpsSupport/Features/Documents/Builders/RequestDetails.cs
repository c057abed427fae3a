using System.Globalization;
using System.Text.Json;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// Read-only view of a request's <c>Details</c> JSON for the document builders. Keys are camelCase and read without
/// regard to case; a missing, null or mistyped value reads as null, so that a builder prints an empty box rather than
/// failing on a request still being filled in. People are objects with <c>civility, lastName, firstName, birthDate,
/// nationalId, profession, email, phone</c>; addresses with <c>recipient, line1, line2, postalCode, city, country</c>.
/// </summary>
public sealed class RequestDetails
{
    public static RequestDetails Empty { get; } = new(default);

    private readonly JsonElement _root;

    private RequestDetails(JsonElement root) => _root = root;

    /// <summary>Parses a request's details; anything but a JSON object gives <see cref="Empty"/>.</summary>
    public static RequestDetails Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? new RequestDetails(document.RootElement.Clone()) : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string? Text(string key) => Get(key) switch
    {
        { ValueKind: JsonValueKind.String } e when !string.IsNullOrWhiteSpace(e.GetString()) => e.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>A date written <c>2026-11-20</c> (ISO) or <c>20/11/2026</c> (French).</summary>
    public DateOnly? Date(string key) =>
        Text(key) is { } text && DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public bool? Flag(string key) => Get(key) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e => e.GetString()?.Trim().ToLowerInvariant() switch
        {
            "true" or "oui" or "yes" or "1" => true,
            "false" or "non" or "no" or "0" => false,
            _ => null,
        },
        _ => null,
    };

    public int? Number(string key) => Get(key) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n) => n,
        { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>An enum member named in any casing, with or without separators (<c>codesNotReceived</c>, <c>codes_not_received</c>); never a number.</summary>
    public TEnum? Choice<TEnum>(string key) where TEnum : struct, Enum
    {
        var text = Text(key)?.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Names only: Enum.TryParse would also take "3" for the fourth member.
        return text is { Length: > 0 } && char.IsLetter(text[0]) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }

    public RequestDetails? Object(string key) => Get(key) is { ValueKind: JsonValueKind.Object } e ? new RequestDetails(e) : null;

    public IReadOnlyList<RequestDetails> Objects(string key) => Get(key) is { ValueKind: JsonValueKind.Array } e
        ? e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => new RequestDetails(i)).ToList()
        : [];

    public IReadOnlyList<string> Texts(string key) => Get(key) is { ValueKind: JsonValueKind.Array } e
        ? e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(i.GetString())).Select(i => i.GetString()!.Trim()).ToList()
        : [];

    private JsonElement? Get(string key)
    {
        if (_root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in _root.EnumerateObject())
        {
            if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }
}
