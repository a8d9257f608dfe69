using Search.Core.Configuration;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>The search engine over SQLite FTS5 generations: parse, compile against the served generation, search.</summary>
public sealed class SqliteSearchEngine(IndexHost host, IndexSettings settings) : ISearchEngine
{
    private readonly Snippeter _snippeter = new(settings.Analyzers.ForField("body"));

    public SearchResults Search(SearchQuery query)
    {
        var parsed = QueryParser.Parse(query.Text);
        using var lease = host.Acquire();
        if (lease is null)
        {
            return new SearchResults(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
        }

        var analyzers = settings.Analyzers;
        var compiler = new QueryCompiler(analyzers.ForField, analyzers.NormalizerForField, new IndexQueryExpansion(lease.Index, settings.Extractor.Gazetteer));
        var request = new SearchRequest
        {
            Query = compiler.Compile(parsed),
            Filters = query.Filters,
            Ranges = query.Ranges,
            Sort = query.Sort,
            Offset = query.Offset,
            Limit = query.Limit,
            FacetLimit = query.FacetLimit,
        };
        return lease.Index.Search(request, _snippeter);
    }

    public StoredDocument? GetDocument(string id)
    {
        using var lease = host.Acquire();
        return lease?.Index.GetDocument(id);
    }

    public EngineStatus Status()
    {
        using var lease = host.Acquire();
        return lease is null
            ? new EngineStatus(null, 0, null)
            : new EngineStatus(Path.GetFileName(lease.Index.Path), lease.Index.DocumentCount, lease.Index.Metadata.GetValueOrDefault(ReindexRunner.SettingsKey));
    }
}
