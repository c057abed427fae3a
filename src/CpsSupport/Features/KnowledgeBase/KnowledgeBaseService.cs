using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>
/// The knowledge base: ranked French full-text search, reading, and supervisors' edits with history. Every edit keeps
/// the replaced version as a <see cref="KbArticleRevision"/>, increments <see cref="KbArticle.Revision"/> and is saved
/// only over the version the supervisor loaded (<see cref="KbArticleConflictException"/>).
/// </summary>
public sealed partial class KnowledgeBaseService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public const int MaxTitleLength = 300;
    public const int MaxSlugLength = 120;
    public const int MaxBodyLength = 100_000;
    public const int MaxTagLength = 40;

    /// <summary>The placeholders an article may hold, as an agent types them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["{{demandeur}}", "{{ticket}}"];

    // Words a route of the knowledge-base pages already uses.
    private static readonly HashSet<string> ReservedSlugs = ["nouveau"];

    // ts_headline marks matches with these: characters no article uses, turned into parts rather than HTML.
    private const string StartMark = "⟦";
    private const string StopMark = "⟧";
    private const string TitleHeadline = "HighlightAll=true, StartSel=⟦, StopSel=⟧";
    private const string ExcerptHeadline = "StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// Articles matching every word typed, best first: French stemming, accents and case ignored, the desk's synonyms
    /// ("perte" ↔ "perdu"), the last word as a prefix (search as you type), a title match ranked above body mentions.
    /// When no article has every word, articles with any of them are returned. Archived articles are never found.
    /// </summary>
    public async Task<PagedResult<KbSearchHit>> SearchAsync(string? text, PageRequest? page = null, CancellationToken ct = default)
    {
        page ??= new PageRequest(0, 10);
        if (SearchText.Normalize(text) is not { } normalized || ToTsQueries(normalized) is not { } queries) return new([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await RankedAsync(db, queries.All, page, ct);
        if (result.TotalCount == 0 && queries.Any != queries.All) result = await RankedAsync(db, queries.Any, page, ct);
        return result;
    }

    /// <summary>Every article by title; archived ones only when asked (supervisors' list).</summary>
    public async Task<IReadOnlyList<KbArticleRow>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.KbArticles.AsNoTracking().Where(a => includeArchived || !a.Archived).OrderBy(a => a.Title)
            .Select(a => new KbArticleRow(a.Id, a.Slug, a.Title, a.Tags, a.Revision, a.Archived, a.UpdatedAt)).ToListAsync(ct);
    }

    public async Task<KbArticleDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.KbArticles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? null : Detail(article);
    }

    public async Task<KbArticleDetail?> GetAsync(string slug, CancellationToken ct = default)
    {
        var key = slug.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.KbArticles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == key, ct);
        return article is null ? null : Detail(article);
    }

    /// <summary>Creates an article at revision 1 (supervisors only); the slug is derived from the title when not given.</summary>
    public async Task<KbArticleDetail> CreateAsync(AccessScope scope, KbArticleInput input, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        var (title, body, tags) = Validate(input);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugFrom(title) : input.Slug.Trim().ToLowerInvariant();
        if (!IsValidSlug(slug))
            throw new KnowledgeBaseException("L'adresse de l'article ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (120 caractères au plus).");
        if (ReservedSlugs.Contains(slug)) throw new KnowledgeBaseException($"L'adresse « {slug} » est réservée : choisissez-en une autre.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.KbArticles.AnyAsync(a => a.Slug == slug, ct)) throw SlugTaken(slug);
        var article = new KbArticle { Slug = slug, Title = title, Body = body, Tags = tags };
        db.KbArticles.Add(article);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw SlugTaken(slug);
        }
        return Detail(article);
    }

    /// <summary>
    /// Saves a supervisor's edit over <paramref name="version"/>: the replaced title and body become a revision and the
    /// revision number goes up. Saving what is already there changes nothing.
    /// </summary>
    public async Task<KbArticleDetail> UpdateAsync(AccessScope scope, Guid id, KbArticleInput input, uint version, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        var (title, body, tags) = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await LoadAsync(db, id, version, ct);
        if (article.Title == title && article.Body == body && article.Tags.SequenceEqual(tags)) return Detail(article);
        Revise(db, article, title, body, tags);
        await SaveAsync(db, article, ct);
        return Detail(article);
    }

    /// <summary>
    /// Every version, the current one first, with who wrote it and when. A stored revision records who replaced it, so
    /// the author of version n+1 is read on revision n; version 1 is credited to whoever created the article.
    /// </summary>
    public async Task<IReadOnlyList<KbRevisionDto>> HistoryAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.KbArticles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return [];
        var stored = await db.KbArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).ToDictionaryAsync(r => r.Revision, ct);
        var key = id.ToString();
        var creator = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(KbArticle) && e.EntityId == key && e.Action == "Added")
            .Select(e => e.Actor).FirstOrDefaultAsync(ct) ?? "—";

        var history = new List<KbRevisionDto>();
        for (var revision = article.Revision; revision >= 1; revision--)
        {
            var (title, body) = revision == article.Revision ? (article.Title, article.Body)
                : stored.TryGetValue(revision, out var r) ? (r.Title, r.Body) : (null, null);
            if (title is null || body is null) continue;
            var (author, at) = stored.TryGetValue(revision - 1, out var before) ? (before.EditedBy, before.EditedAt)
                : revision == 1 ? (creator, revision == article.Revision ? article.UpdatedAt : article.CreatedAt)
                : ("—", article.UpdatedAt);
            history.Add(new KbRevisionDto(revision, title, body, author, at, revision == article.Revision));
        }
        return history;
    }

    /// <summary>Brings back the title and body of an old revision as a new revision (supervisors only); nothing is lost.</summary>
    public async Task<KbArticleDetail> RestoreRevisionAsync(AccessScope scope, Guid id, int revision, uint version, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await LoadAsync(db, id, version, ct);
        if (revision == article.Revision) throw new KnowledgeBaseException("Cette version est déjà la version actuelle de l'article.");
        var old = await db.KbArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Revision == revision, ct)
            ?? throw new KnowledgeBaseException($"La version {revision} de cet article n'existe pas.");
        Revise(db, article, old.Title, old.Body, article.Tags);
        await SaveAsync(db, article, ct);
        return Detail(article);
    }

    /// <summary>Archives an article (or brings it back): archived articles are no longer found by search nor offered in replies.</summary>
    public async Task<KbArticleDetail> ArchiveAsync(AccessScope scope, Guid id, uint version, bool archived = true, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await LoadAsync(db, id, version, ct);
        if (article.Archived == archived) return Detail(article);
        article.Archived = archived;
        await SaveAsync(db, article, ct);
        return Detail(article);
    }

    /// <summary>
    /// Replaces {{demandeur}} and {{ticket}} (case and inner spaces ignored). A placeholder the desk does not know, or a
    /// known one without a value, is left visible in the text and reported, so nothing wrong is ever sent silently.
    /// </summary>
    public static KbRendered Render(string body, KbPlaceholderValues values)
    {
        var unknown = new List<string>();
        var missing = new List<string>();
        var text = Placeholder().Replace(body, m =>
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            var value = name switch
            {
                "demandeur" => values.RequesterName,
                "ticket" => values.TicketNumber,
                _ => null,
            };
            if (name is not ("demandeur" or "ticket")) unknown.Add(m.Value);
            else if (string.IsNullOrWhiteSpace(value)) missing.Add("{{" + name + "}}");
            else return value.Trim();
            return m.Value;
        });
        return new KbRendered(text, unknown.Distinct().ToList(), missing.Distinct().ToList());
    }

    /// <summary>The all-words and any-word tsqueries of what was typed, the last word matched as a prefix.</summary>
    internal static (string All, string Any)? ToTsQueries(string text)
    {
        if (SearchQuery.ToTsQuery(text) is not { } query) return null;
        var terms = query.Split(" & ");
        // A single word (not a synonym group) of three letters or more: the agent may still be typing it.
        if (terms[^1] is ['\'', .., '\''] last && last.Length >= 5) terms[^1] = last + ":*";
        return (string.Join(" & ", terms), string.Join(" | ", terms));
    }

    internal static bool IsValidSlug(string slug) => slug.Length is > 0 and <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>Tags as stored: trimmed, lower case, at most <see cref="MaxTagLength"/> characters, distinct, sorted.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length is > 0 and <= MaxTagLength).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The address derived from a title: "Lecteur non détecté !" → "lecteur-non-detecte".</summary>
    public static string SlugFrom(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) sb.Append(c);
            else if (c == 'œ') sb.Append("oe");
            else if (c == 'æ') sb.Append("ae");
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > MaxSlugLength) slug = slug[..MaxSlugLength].TrimEnd('-');
        return slug.Length == 0 ? "article" : slug;
    }

    private static async Task<PagedResult<KbSearchHit>> RankedAsync(CpsDbContext db, string tsquery, PageRequest page, CancellationToken ct)
    {
        var matches = db.KbArticles.AsNoTracking()
            .Where(a => !a.Archived && a.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)));
        var total = await matches.CountAsync(ct);
        if (total == 0) return new([], 0);
        var ranked = await matches
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Title,
                a.Tags,
                Rank = a.SearchVector.Rank(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery), NpgsqlTsRankingNormalization.DivideBy1PlusLogLength)
                    + (EF.Functions.ToTsVector(SearchConfiguration.Name, a.Title).Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)) ? 1f : 0f),
            })
            .OrderByDescending(a => a.Rank).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        // Headlines only for the page shown: ts_headline re-parses the whole body.
        var ids = ranked.Select(a => a.Id).ToList();
        var headlines = await db.KbArticles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                Title = EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery).GetResultHeadline(SearchConfiguration.Name, a.Title, TitleHeadline),
                Excerpt = EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery).GetResultHeadline(SearchConfiguration.Name, a.Body, ExcerptHeadline),
            })
            .ToDictionaryAsync(a => a.Id, ct);
        return new(ranked.Select(a => new KbSearchHit(a.Id, a.Slug, a.Title, Parts(headlines[a.Id].Title), Parts(PlainText(headlines[a.Id].Excerpt)),
            a.Tags, a.Rank)).ToList(), total);
    }

    /// <summary>Splits a headline on its marks into plain and matching parts.</summary>
    internal static IReadOnlyList<KbTextPart> Parts(string headline)
    {
        var parts = new List<KbTextPart>();
        var rest = headline;
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(StartMark, StringComparison.Ordinal);
            if (start < 0) { parts.Add(new(rest, false)); break; }
            if (start > 0) parts.Add(new(rest[..start], false));
            rest = rest[(start + StartMark.Length)..];
            var stop = rest.IndexOf(StopMark, StringComparison.Ordinal);
            var match = stop < 0 ? rest : rest[..stop];
            if (match.Length > 0) parts.Add(new(match, true));
            rest = stop < 0 ? "" : rest[(stop + StopMark.Length)..];
        }
        return parts;
    }

    /// <summary>An excerpt of Markdown as reading text: no heading marks, emphasis, table bars or link addresses.</summary>
    internal static string PlainText(string markdown)
    {
        var text = MarkdownLinkTarget().Replace(markdown, "");
        text = MarkdownSyntax().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>Stores the version being replaced, stamped with who replaces it and when, then applies the new one.</summary>
    private void Revise(CpsDbContext db, KbArticle article, string title, string body, List<string> tags)
    {
        db.KbArticleRevisions.Add(new KbArticleRevision
        {
            ArticleId = article.Id, Revision = article.Revision, Title = article.Title, Body = article.Body,
            EditedBy = actor.Name, EditedAt = clock.GetUtcNow(),
        });
        article.Title = title;
        article.Body = body;
        article.Tags = tags;
        article.Revision++;
    }

    private static async Task<KbArticle> LoadAsync(CpsDbContext db, Guid id, uint version, CancellationToken ct)
    {
        var article = await db.KbArticles.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new KnowledgeBaseException("Article introuvable.");
        // The version the supervisor loaded must still be the stored one; EF's xmin check covers a change after this read.
        if (article.Version != version) throw new KbArticleConflictException(article.Title);
        return article;
    }

    private static async Task SaveAsync(CpsDbContext db, KbArticle article, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new KbArticleConflictException(article.Title);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Two edits of one version both stored it as a revision: the second is the conflicting one.
            throw new KbArticleConflictException(article.Title);
        }
    }

    private static (string Title, string Body, List<string> Tags) Validate(KbArticleInput input)
    {
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) throw new KnowledgeBaseException("Le titre de l'article est obligatoire.");
        if (title.Length > MaxTitleLength) throw new KnowledgeBaseException($"Le titre ne peut pas dépasser {MaxTitleLength} caractères.");
        var body = input.Body?.Replace("\r\n", "\n").Trim();
        if (string.IsNullOrEmpty(body)) throw new KnowledgeBaseException("Le texte de l'article est vide.");
        if (body.Length > MaxBodyLength) throw new KnowledgeBaseException($"Le texte de l'article ne peut pas dépasser {MaxBodyLength:N0} caractères.");
        return (title, body, NormalizeTags(input.Tags));
    }

    private static void RequireSupervisor(AccessScope scope)
    {
        if (!scope.IsSupervisor) throw new KnowledgeBaseException("Seuls les superviseurs peuvent modifier la base de connaissances.");
    }

    private static KnowledgeBaseException SlugTaken(string slug) =>
        new($"Un article utilise déjà l'adresse « {slug} » : choisissez-en une autre.");

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static KbArticleDetail Detail(KbArticle a) =>
        new(a.Id, a.Slug, a.Title, a.Body, a.Tags, a.Revision, a.Archived, a.CreatedAt, a.UpdatedAt, a.Version);

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\]\([^)\s]*\)?")]
    private static partial Regex MarkdownLinkTarget();

    [GeneratedRegex(@"(?m)^\s*(?:#{1,6}|>|[-+]|\d+\.)\s+|\*\*|__|[`*|\[\]]|^\s*-{3,}\s*$")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
