namespace CpsSupport.Features.Demo;

/// <summary>Draws of the demo data set; all go through one fixed-seed <see cref="Random"/> so every run builds the same data.</summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static T Pick<T>(this Random rng, IReadOnlyList<(T Item, int Weight)> items)
    {
        var draw = rng.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (draw < weight) return item;
            draw -= weight;
        }
        throw new InvalidOperationException("Weights must be positive.");
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/>, both included; <paramref name="from"/> when the range is empty.</summary>
    public static DateOnly Day(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A time of day between <paramref name="fromHour"/> and <paramref name="toHour"/> (excluded), as (hour, minute).</summary>
    public static (int Hour, int Minute) Time(this Random rng, int fromHour, int toHour)
    {
        var minutes = rng.Next(fromHour * 60, toHour * 60);
        return (minutes / 60, minutes % 60);
    }
}
