using System.Globalization;
using System.Text;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>
/// Writes a small one-page PDF whose AcroForm holds the given fields, as a form filled in a PDF reader and sent by mail
/// would. Field names may be dotted (<c>holder.lastName</c>): the parts become a parent field and its kids. Values are
/// written as UTF-16 strings, so accents survive.
/// </summary>
public sealed class AcroFormPdf
{
    private readonly List<(string Name, string? Text, bool? Checked)> _fields = [];

    public string? Title { get; init; }
    public string PageText { get; init; } = "Formulaire";

    public AcroFormPdf Text(string name, string value)
    {
        _fields.Add((name, value, null));
        return this;
    }

    public AcroFormPdf Checkbox(string name, bool ticked)
    {
        _fields.Add((name, null, ticked));
        return this;
    }

    public byte[] ToBytes()
    {
        // 1 catalog, 2 pages, 3 page, 4 content, 5 font, 6 info; fields and their parents from 7 on.
        var objects = new List<string> { "", "", "", "", "", "" };
        var topLevel = new List<int>();
        var widgets = new List<int>();
        var parents = new Dictionary<string, (int Number, List<int> Kids)>(StringComparer.Ordinal);
        var y = 780;
        foreach (var (name, text, ticked) in _fields)
        {
            var parts = name.Split('.');
            int? parent = null;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var path = string.Join('.', parts[..(i + 1)]);
                if (!parents.TryGetValue(path, out var known))
                {
                    objects.Add("");
                    known = (objects.Count, []);
                    parents[path] = known;
                    if (parent is { } p) parents.Values.Single(v => v.Number == p).Kids.Add(known.Number);
                    else topLevel.Add(known.Number);
                }

                parent = known.Number;
            }

            objects.Add("");
            var number = objects.Count;
            var rect = $"/Rect [300 {y} 550 {y + 14}]";
            y -= 20;
            var value = ticked is { } on
                ? $"/FT /Btn /V /{(on ? "Yes" : "Off")} /AS /{(on ? "Yes" : "Off")}"
                : $"/FT /Tx /V {Utf16(text!)}";
            var link = parent is { } parentNumber ? $"/Parent {parentNumber} 0 R" : "";
            objects[number - 1] = $"<< /Type /Annot /Subtype /Widget /T {Name(parts[^1])} {value} {rect} /P 3 0 R {link} >>";
            widgets.Add(number);
            if (parent is { } owner) parents.Values.Single(v => v.Number == owner).Kids.Add(number);
            else topLevel.Add(number);
        }

        foreach (var (path, (number, kids)) in parents)
        {
            var parentPath = path.Contains('.') ? path[..path.LastIndexOf('.')] : null;
            var link = parentPath is null ? "" : $"/Parent {parents[parentPath].Number} 0 R";
            objects[number - 1] = $"<< /T {Name(path.Split('.')[^1])} /Kids [{Refs(kids)}] {link} >>";
        }

        var content = $"BT /F1 14 Tf 50 800 Td ({PageText}) Tj ET";
        objects[0] = topLevel.Count > 0
            ? $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{Refs(topLevel)}] /NeedAppearances true >> >>"
            : "<< /Type /Catalog /Pages 2 0 R >>";
        objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        objects[2] = $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [{Refs(widgets)}] >>";
        objects[3] = $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";
        objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
        objects[5] = Title is null ? "<< >>" : $"<< /Title {Utf16(Title)} >>";

        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Refs(IEnumerable<int> numbers) => string.Join(' ', numbers.Select(n => $"{n} 0 R"));

    private static string Name(string text) => text.All(char.IsAscii) ? $"({text})" : Utf16(text);

    private static string Utf16(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
}
