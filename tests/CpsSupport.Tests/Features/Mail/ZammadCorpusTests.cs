using System.Text.Json;
using CpsSupport.Features.Mail;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// Optional check over Zammad's real-world parser fixtures (AGPL test data, read from ../shared next to the checkout,
/// never copied into the repository): every message is ingested without an unhandled exception, and the decoded
/// subjects match what Zammad's parser expects for most of them. Skipped when the folder is absent.
/// </summary>
public sealed class ZammadCorpusTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpora", "zammad-mail"));

    public sealed class ZammadFactAttribute : FactAttribute
    {
        public ZammadFactAttribute()
        {
            if (!File.Exists(Path.Combine(Folder, "manifest.json"))) Skip = $"Zammad corpus not found at {Folder}: optional check skipped.";
        }
    }

    [ZammadFact]
    public async Task Every_Zammad_fixture_is_ingested_and_subjects_are_decoded_as_expected()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")));
        var entries = manifest.RootElement.EnumerateArray()
            .Select(e => (Box: e.GetProperty("box").GetString()!, Subject: e.TryGetProperty("subject", out var s) ? s.GetString() : null)).ToList();
        await using var w = await MailWorld.CreateAsync();

        var result = await w.Ingestion.IngestAsync(
            entries.Select(e => { var raw = File.ReadAllBytes(Path.Combine(Folder, e.Box)); return new RawMail(e.Box, raw, raw.LongLength); }).ToList(),
            CancellationToken.None);

        var inbound = await w.InboundAsync();
        // Each file is recorded once (a few fixtures share a Message-ID: those count as duplicates).
        Assert.Equal(entries.Count, result.Total);
        Assert.Equal(entries.Count - result.Duplicates, inbound.Count);
        Assert.True(result.Quarantined <= 2, $"{result.Quarantined} quarantined: {string.Join(" | ", inbound.Where(m => m.Error != null).Select(m => $"{m.SourceRef}: {m.Error}"))}");
        var bySource = inbound.ToDictionary(m => m.SourceRef!);
        var comparable = entries.Where(e => !string.IsNullOrWhiteSpace(e.Subject) && bySource.ContainsKey(e.Box)).ToList();
        var matching = comparable.Count(e => Normalize(bySource[e.Box].Subject) == Normalize(e.Subject));
        Assert.True(matching >= comparable.Count * 9 / 10, $"only {matching} of {comparable.Count} subjects decoded as Zammad expects: "
            + string.Join(" | ", comparable.Where(e => Normalize(bySource[e.Box].Subject) != Normalize(e.Subject)).Select(e => $"{e.Box}: «{bySource[e.Box].Subject}» vs «{e.Subject}»")));
    }

    private static string Normalize(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
