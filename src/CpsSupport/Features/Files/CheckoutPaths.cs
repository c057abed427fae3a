namespace CpsSupport.Features.Files;

/// <summary>
/// Relative paths of settings (templates, local mail folders, the development database) resolved the same way
/// whether the application starts from the repository root, from <c>dotnet run</c> in a project folder, or from a
/// test's output folder.
/// </summary>
public static class CheckoutPaths
{
    private const string Marker = "CpsSupport.sln";

    /// <summary>The repository checkout holding <paramref name="start"/> (the folder with the solution file), or null when deployed without it.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker))) return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// An absolute path as configured; a relative one from the working directory when it exists there, else from the
    /// checkout the application runs from, else from the working directory.
    /// </summary>
    public static string Resolve(string configured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        if (Path.IsPathRooted(configured)) return configured;
        var fromWorkingDirectory = Path.GetFullPath(configured);
        if (Path.Exists(fromWorkingDirectory)) return fromWorkingDirectory;
        return FindRoot(AppContext.BaseDirectory) is { } root ? Path.Combine(root, configured) : fromWorkingDirectory;
    }
}
