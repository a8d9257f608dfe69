namespace Search.Core.Searching;

/// <summary>
/// The engine as the service and the command line see it. The SQLite FTS5 implementation is the only one today;
/// the seam is where a different engine would go if measurements demanded it.
/// </summary>
public interface ISearchEngine
{
    /// <summary>Runs a search; throws <see cref="QueryParseException"/> for a query that is not valid.</summary>
    SearchResults Search(SearchQuery query);

    StoredDocument? GetDocument(string id);

    EngineStatus Status();
}

/// <summary>What is being served: the generation file and how many documents it holds.</summary>
public sealed record EngineStatus(string? Generation, int Documents, string? AnalyzerFingerprint);
