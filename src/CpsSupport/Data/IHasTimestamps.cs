namespace CpsSupport.Data;

/// <summary>Creation and last-update instants, set by the audit interceptor from <see cref="TimeProvider"/>.</summary>
public interface IHasTimestamps
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
