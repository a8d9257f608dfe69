using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests;

/// <summary>A real index on disk, built from files written into a temp folder, served through the real engine.</summary>
internal sealed class TestIndex : IDisposable
{
    private readonly TempFolder _temp = new();

    public TestIndex(IReadOnlyDictionary<string, string> files, IndexSettings? settings = null)
    {
        settings ??= Analyzers.Settings;
        Sources = _temp.Combine("sources");
        System.IO.Directory.CreateDirectory(Sources);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(Sources, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Directory = new IndexDirectory(_temp.Combine("index"));
        Report = new ReindexRunner(settings).RunFull(Directory, [new FolderSource(Sources)]);
        Host = new IndexHost(Directory);
        Engine = new SqliteSearchEngine(Host, settings);
    }

    public string Sources { get; }

    public IndexDirectory Directory { get; }

    public ReindexReport Report { get; }

    public IndexHost Host { get; }

    public SqliteSearchEngine Engine { get; }

    public static TestIndex FromSeeds() =>
        new(System.IO.Directory.GetFiles(RepositoryPaths.Seeds).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f)));

    public SearchResults Search(string query, int limit = 10) => Engine.Search(new SearchQuery { Text = query, Limit = limit });

    public string[] Ids(string query) => [.. Search(query, 100).Hits.Select(h => h.Id)];

    public void Dispose()
    {
        Host.Dispose();
        _temp.Dispose();
    }
}
