namespace CpsSupport.Features.KnowledgeBase;

/// <summary>A piece of a highlighted text: <see cref="Match"/> parts are the words that matched the search.</summary>
public sealed record KbTextPart(string Text, bool Match);

/// <summary>A search result: title and excerpt cut into parts so the screen highlights matches without raw HTML.</summary>
public sealed record KbSearchHit(Guid Id, string Slug, string Title, IReadOnlyList<KbTextPart> TitleParts,
    IReadOnlyList<KbTextPart> Excerpt, IReadOnlyList<string> Tags, double Rank);

public sealed record KbArticleRow(Guid Id, string Slug, string Title, IReadOnlyList<string> Tags, int Revision, bool Archived, DateTimeOffset UpdatedAt);

/// <summary>An article as stored; <see cref="Version"/> is the one to send back with an edit.</summary>
public sealed record KbArticleDetail(Guid Id, string Slug, string Title, string Body, IReadOnlyList<string> Tags, int Revision,
    bool Archived, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version);

/// <summary>What a supervisor types; the slug is derived from the title when empty and never changes after creation.</summary>
public sealed record KbArticleInput(string? Title, string? Body, IReadOnlyList<string>? Tags = null, string? Slug = null);

/// <summary>One version of an article (the current one or a stored revision) with who wrote that version and when.</summary>
public sealed record KbRevisionDto(int Revision, string Title, string Body, string EditedBy, DateTimeOffset EditedAt, bool Current);

/// <summary>The values of the placeholders an article may hold: {{demandeur}} and {{ticket}}.</summary>
public sealed record KbPlaceholderValues(string? RequesterName, string? TicketNumber)
{
    public static KbPlaceholderValues None { get; } = new(null, null);
}

/// <summary>
/// An article body with its placeholders replaced. <see cref="Unknown"/> lists placeholders the desk does not know
/// (left as typed), <see cref="Missing"/> known ones without a value here (left visible too), so the agent sees both.
/// </summary>
public sealed record KbRendered(string Text, IReadOnlyList<string> Unknown, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Unknown.Count == 0 && Missing.Count == 0;
}

/// <summary>What an import of the bundled articles did.</summary>
public sealed record KbSeedResult(int Created, int Updated, int Unchanged, int KeptEdited);
