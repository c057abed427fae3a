namespace CpsSupport.Data;

/// <summary>Who is acting now: a signed-in user, an API client, or a background job.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    string Name { get; }
}

/// <summary>The actor of background jobs, seeding and migrations.</summary>
public sealed class SystemActor(string name = "système") : ICurrentActor
{
    public Guid? UserId => null;
    public string Name { get; } = name;
}
