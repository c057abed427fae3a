namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The browser tests share one app and one browser; xUnit runs the tests of a collection one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "End-to-end";
}
