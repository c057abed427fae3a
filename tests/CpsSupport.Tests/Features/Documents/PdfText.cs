using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>The text of a PDF as a reader sees it, whitespace collapsed, read with PdfPig.</summary>
/// <param name="Fonts">Names of the fonts the text is drawn with, subset prefix removed (<c>Roboto-Regular</c>).</param>
public sealed partial record PdfText(int PageCount, IReadOnlyList<string> Pages, IReadOnlySet<string> Fonts)
{
    public string All => string.Join(" ", Pages);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PdfText(
            document.NumberOfPages,
            pages.Select(p => Whitespace().Replace(ContentOrderTextExtractor.GetText(p), " ").Trim()).ToList(),
            pages.SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Select(f => f[(f.IndexOf('+') + 1)..]).ToHashSet());
    }

    public void AssertContains(string expected) =>
        Assert.True(All.Contains(expected, StringComparison.Ordinal), $"« {expected} » not found in:\n{All}");

    /// <summary>The box just before <paramref name="label"/> is ☒.</summary>
    public void AssertTicked(string label) => AssertBox("☒", label);

    /// <summary>The box just before <paramref name="label"/> is ☐.</summary>
    public void AssertNotTicked(string label) => AssertBox("☐", label);

    private void AssertBox(string box, string label) =>
        Assert.True(Regex.IsMatch(All, $@"{box}\s*{Regex.Escape(label)}"), $"« {box} {label} » not found in:\n{All}");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
