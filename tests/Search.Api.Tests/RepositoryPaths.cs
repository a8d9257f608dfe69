namespace Search.Api.Tests;

/// <summary>Where the repository's files are, found from the test's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config => Path.Combine(Root, "index-config");

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above the test directory.");
    }
}
