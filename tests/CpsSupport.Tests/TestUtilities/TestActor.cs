using CpsSupport.Data;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>A signed-in agent as the services see it.</summary>
public sealed record TestActor(Guid? UserId, string Name) : ICurrentActor;
