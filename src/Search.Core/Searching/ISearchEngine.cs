namespace Search.Core.Searching;

/// <summary>
/// The engine as the service and the command line see it. The SQLite implementation (our own postings in the generation file) is the only one today;
/// the seam is where a different engine would go if measurements demanded it.
/// </summary>
public interface ISearchEngine
{
    /// <summary>Runs a search; throws <see cref="QueryParseException"/> for a query that is not valid.</summary>
    SearchResults Search(SearchQuery query);

    StoredDocument? GetDocument(string id);

    /// <summary>Completions of a prefix: entity names in either script, then indexed words, commonest first.</summary>
    IReadOnlyList<Suggestion> Suggest(string prefix, int limit);

    /// <summary>A facet dimension's values over all documents, optionally those starting with a prefix; null for an unknown dimension.</summary>
    IReadOnlyList<FacetCount>? BrowseFacet(string dimension, string? prefix, int limit);

    EngineStatus Status();
}

/// <summary>A completion: the text to show, what it is (person, place, org or term), the value to filter or search by.</summary>
public sealed record Suggestion(string Text, string Kind, string Value, int Count);

/// <summary>
/// What is being served: the generation file and how many documents it holds; how many frequent words have their
/// facets counted ahead of time, whether that count is still running, and why it failed if it did.
/// </summary>
public sealed record EngineStatus(string? Generation, int Documents, string? AnalyzerFingerprint, int FacetsCountedAhead = 0, bool CountingAhead = false, string? CountingAheadFailure = null);
