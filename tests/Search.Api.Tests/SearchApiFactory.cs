using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests;

/// <summary>
/// The real service in-process, over real SQLite files in a temp folder of its own: the seeds are copied there as its
/// source and the index folder starts empty, so every factory exercises the build-on-first-start path.
/// </summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Extra configuration (ApiKeys:0, Access:ReadsPerMinute…) for the test at hand.</param>
    public SearchApiFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
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

    public string DocumentsPath => Path.Combine(Folder, "documents");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:Sources:0", Sources);
        builder.UseSetting("Search:ConfigPath", RepositoryPaths.Config);
        builder.UseSetting("Search:DocumentsPath", DocumentsPath);
        // Generous unless a test says otherwise: the hostile-query test alone sends thousands of requests.
        builder.UseSetting("Access:ReadsPerMinute", "1000000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
