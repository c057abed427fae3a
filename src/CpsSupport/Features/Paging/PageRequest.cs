namespace CpsSupport.Features.Paging;

/// <summary>A page of a server-side list: zero-based page index, bounded size, optional sort.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
