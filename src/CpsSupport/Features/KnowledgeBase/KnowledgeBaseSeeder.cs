using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>
/// Imports the articles of <c>db/knowledge-base</c> (bundled in this library) by slug. Safe to run at every start:
/// a missing article is created, an article never edited by a human (revision 1) follows its file, and an article a
/// supervisor has edited is left alone.
/// </summary>
public sealed class KnowledgeBaseSeeder(IDbContextFactory<CpsDbContext> dbFactory, ILogger<KnowledgeBaseSeeder> logger)
{
    private const string ResourcePrefix = "CpsSupport.KnowledgeBase.";
    // Instances starting together import one after the other rather than racing on the unique slug.
    private const long AdvisoryLockKey = 0x4B42_5345_4544; // "KBSEED"

    /// <summary>The articles bundled with this build, in file name order.</summary>
    public static IReadOnlyList<KbSeedArticle> BundledArticles()
    {
        var assembly = typeof(KnowledgeBaseSeeder).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return KbSeedArticle.Parse(name[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Imports the bundled articles.</summary>
    public Task<KbSeedResult> SeedAsync(CancellationToken ct = default) => SeedAsync(BundledArticles(), ct);

    /// <summary>Imports <paramref name="articles"/> by slug: creates, refreshes articles still at revision 1, keeps edited ones.</summary>
    public async Task<KbSeedResult> SeedAsync(IReadOnlyList<KbSeedArticle> articles, CancellationToken ct = default)
    {
        var duplicate = articles.GroupBy(a => a.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Knowledge-base slug {duplicate.Key} is used by several files");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        var slugs = articles.Select(a => a.Slug).ToList();
        var existing = await db.KbArticles.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, ct);

        int created = 0, updated = 0, unchanged = 0, kept = 0;
        foreach (var seed in articles)
        {
            if (!existing.TryGetValue(seed.Slug, out var article))
            {
                db.KbArticles.Add(new KbArticle { Slug = seed.Slug, Title = seed.Title, Body = seed.Body, Tags = [.. seed.Tags] });
                created++;
            }
            else if (article.Title == seed.Title && article.Body == seed.Body && article.Tags.SequenceEqual(seed.Tags))
            {
                unchanged++;
            }
            else if (article.Revision != 1)
            {
                kept++;
            }
            else
            {
                article.Title = seed.Title;
                article.Body = seed.Body;
                article.Tags = [.. seed.Tags];
                updated++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (created + updated > 0 || kept > 0)
            logger.LogInformation("Knowledge base: {Created} article(s) created, {Updated} refreshed, {Kept} kept as edited by supervisors", created, updated, kept);
        return new KbSeedResult(created, updated, unchanged, kept);
    }
}
