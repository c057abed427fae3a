namespace CpsSupport.Tests.TestUtilities;

/// <summary>The checkout's root folder, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CpsSupport.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CpsSupport.sln not found above " + AppContext.BaseDirectory);
    }
}
