using System.Linq.Expressions;

namespace CpsSupport.Features.Paging;

/// <summary>
/// Sorts on an enum stored as text in the enum's declaration order (a card's lifecycle, the kinds of structure),
/// not in the alphabetical order of its English names, which means nothing on a French screen.
/// </summary>
public static class EnumOrder
{
    /// <summary>Orders by the position of <paramref name="key"/> in the declaration of <typeparamref name="TEnum"/>.</summary>
    public static IOrderedQueryable<T> OrderByDeclaration<T, TEnum>(this IQueryable<T> query, Expression<Func<T, TEnum>> key, bool descending)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        // CASE WHEN key = 'First' THEN 0 WHEN key = 'Second' THEN 1 … ELSE n END
        Expression rank = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(key.Body, Expression.Constant(values[i])), Expression.Constant(i), rank);
        var lambda = Expression.Lambda<Func<T, int>>(rank, key.Parameters);
        return descending ? query.OrderByDescending(lambda) : query.OrderBy(lambda);
    }
}
