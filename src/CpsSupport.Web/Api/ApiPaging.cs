using CpsSupport.Features.Paging;

namespace CpsSupport.Web.Api;

/// <summary>A page of an API list; <see cref="Page"/> starts at 1.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>Reads <c>page</c> (from 1), <c>pageSize</c> (1 to 200), <c>sortBy</c> (one of the resource's keys) and <c>desc</c>.</summary>
public static class ApiPaging
{
    public const int DefaultPageSize = 25;

    /// <summary>The library's page request, or the French error of the first wrong parameter.</summary>
    public static (PageRequest? Request, string? Error) Parse(int? page, int? pageSize, string? sortBy, bool? desc, IReadOnlyList<string> sortKeys)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1) return (null, "Le paramètre page commence à 1.");
        if (size is < 1 or > PageRequest.MaxPageSize) return (null, $"Le paramètre pageSize doit être compris entre 1 et {PageRequest.MaxPageSize}.");
        string? sortKey = null;
        if (!string.IsNullOrWhiteSpace(sortBy))
        {
            sortKey = sortKeys.FirstOrDefault(k => string.Equals(k, sortBy.Trim(), StringComparison.OrdinalIgnoreCase));
            if (sortKey is null) return (null, $"Tri « {sortBy} » inconnu ; valeurs possibles : {string.Join(", ", sortKeys.Select(Camel))}.");
        }
        return (new PageRequest(number - 1, size, sortKey, desc ?? false), null);
    }

    public static PagedResponse<T> Response<T>(PagedResult<T> result, PageRequest request) =>
        new(result.Items, result.TotalCount, request.Page + 1, request.Take);

    private static string Camel(string key) => char.ToLowerInvariant(key[0]) + key[1..];
}
