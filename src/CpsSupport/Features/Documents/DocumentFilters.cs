using System.Globalization;
using Fluid;
using Fluid.Values;

namespace CpsSupport.Features.Documents;

/// <summary>
/// The Liquid filters of document templates, in French conventions:
/// <c>date</c> (23/11/2026; with a strftime argument, the standard filter), <c>date_long</c> (23 novembre 2026),
/// <c>checkbox</c> (☒/☐), <c>identifier</c> (SIREN/SIRET grouped, others compacted) and <c>phone</c> (01 23 45 67 89).
/// </summary>
internal static class DocumentFilters
{
    public const string Checked = "☒";
    public const string Unchecked = "☐";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static void Register(FilterCollection filters)
    {
        if (!filters.TryGetValue("date", out var standardDate))
        {
            throw new InvalidOperationException("Fluid has no standard 'date' filter to extend.");
        }

        filters.AddFilter("date", (input, arguments, context) =>
            arguments.Count > 0 ? standardDate(input, arguments, context) : Format(input, context, "dd/MM/yyyy"));
        filters.AddFilter("date_long", (input, _, context) => LongDate(input, context));
        filters.AddFilter("checkbox", Checkbox);
        filters.AddFilter("identifier", Identifier);
        filters.AddFilter("phone", Phone);
    }

    private static ValueTask<FluidValue> Format(FluidValue input, TemplateContext context, string format) =>
        ToLocalDate(input, context) is { } date ? new StringValue(date.ToString(format, French)) : StringValue.Empty;

    private static ValueTask<FluidValue> LongDate(FluidValue input, TemplateContext context)
    {
        if (ToLocalDate(input, context) is not { } date)
        {
            return StringValue.Empty;
        }

        // French writes the first day of a month as an ordinal: « 1er décembre 2026 ».
        var day = date.Day == 1 ? "1er" : date.Day.ToString(French);
        return new StringValue($"{day} {date.ToString("MMMM yyyy", French)}");
    }

    private static DateTimeOffset? ToLocalDate(FluidValue input, TemplateContext context)
    {
        if (input.IsNil() || (input is StringValue s && string.IsNullOrWhiteSpace(s.ToStringValue())))
        {
            return null;
        }

        if (!input.TryGetDateTimeInput(context, out var value))
        {
            throw new FluidException($"« {input.ToStringValue()} » n'est pas une date");
        }

        return TimeZoneInfo.ConvertTime(value, context.TimeZone);
    }

    /// <summary>☒ when the value is true, or equals the argument (<c>{{ incident.kind | checkbox: 'theft' }}</c>); ☐ otherwise.</summary>
    private static ValueTask<FluidValue> Checkbox(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var ticked = arguments.Count == 0
            ? input.ToBooleanValue()
            : string.Equals(input.ToStringValue(), arguments.At(0).ToStringValue(), StringComparison.OrdinalIgnoreCase);
        var (css, glyph, label) = ticked ? ("checkbox checked", Checked, "coché") : ("checkbox", Unchecked, "non coché");
        return new StringValue($"<span class=\"{css}\" role=\"img\" aria-label=\"{label}\">{glyph}</span>", encode: false);
    }

    /// <summary>SIREN « 123 456 789 », SIRET « 123 456 789 00012 »; RPPS, ADELI, national id and FINESS without spaces.</summary>
    private static ValueTask<FluidValue> Identifier(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var compact = string.Concat(input.ToStringValue().Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var kind = arguments.Count > 0 ? arguments.At(0).ToStringValue() : "";
        return kind switch
        {
            "" or "rpps" or "adeli" or "national_id" or "finess" => new StringValue(compact),
            "siren" when compact.Length == 9 => new StringValue($"{compact[..3]} {compact[3..6]} {compact[6..]}"),
            "siret" when compact.Length == 14 => new StringValue($"{compact[..3]} {compact[3..6]} {compact[6..9]} {compact[9..]}"),
            "siren" or "siret" => new StringValue(compact),
            _ => throw new FluidException(
                $"type d'identifiant inconnu « {kind} » (rpps, adeli, national_id, finess, siren ou siret)"),
        };
    }

    /// <summary>French numbers in pairs (« 01 23 45 67 89 », « +33 1 23 45 67 89 »); anything else as typed.</summary>
    private static ValueTask<FluidValue> Phone(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var raw = input.ToStringValue();
        var digits = string.Concat(raw.Where(char.IsAsciiDigit));
        if (raw.TrimStart().StartsWith("+33", StringComparison.Ordinal) && digits.Length == 11)
        {
            return new StringValue($"+33 {digits[2]} {Pairs(digits[3..])}");
        }

        return digits.Length == 10 && digits[0] == '0' && raw.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-')
            ? new StringValue(Pairs(digits))
            : new StringValue(raw);
    }

    private static string Pairs(string digits) =>
        string.Join(' ', Enumerable.Range(0, digits.Length / 2).Select(i => digits.Substring(i * 2, 2)));
}
