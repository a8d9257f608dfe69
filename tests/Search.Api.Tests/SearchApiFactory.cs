using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests;

/// <summary>
/// The real service in-process, over real SQLite files in a temp folder of its own: the seeds are copied there as its
/// source and the index folder starts empty, so every factory exercises the build-on-first-start path.
/// </summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>
{
    public SearchApiFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "search-api-tests-" + Guid.NewGuid().ToString("N"));
        Sources = Path.Combine(Folder, "sources");
        Directory.CreateDirectory(Sources);
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(Sources, Path.GetFileName(seed)));
        }
    }

    public string Folder { get; }

    public string Sources { get; }

    public string IndexPath => Path.Combine(Folder, "index");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:Sources:0", Sources);
        builder.UseSetting("Search:ConfigPath", RepositoryPaths.Config);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
