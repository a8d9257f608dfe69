namespace Search.Core.Searching;

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    Relevance,
    DateDescending,
    DateAscending,
}

/// <summary>
/// A search: the compiled query, facet filters (values of one dimension OR together, dimensions AND), ranges over
/// the date and figure dimensions, the order, and the page.
/// </summary>
public sealed record SearchRequest
{
    public CompiledQuery Query { get; init; } = CompiledQuery.All;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<RangeFilter> Ranges { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Offset { get; init; }

    public int Limit { get; init; } = 10;

    /// <summary>How many values to return per facet dimension.</summary>
    public int FacetLimit { get; init; } = 20;

    /// <summary>Whether to count facets; without them one pass still gives the total and the top hits.</summary>
    public bool CountFacets { get; init; } = true;

    /// <summary>
    /// Whether facet counts may be those of an earlier search of this generation with the same query, filters and
    /// values per dimension (they are the same counts); false counts afresh, as a measurement of counting needs.
    /// </summary>
    public bool ReuseFacetCounts { get; init; } = true;

    /// <summary>
    /// Whether a frequent word's facet counts may be those counted for the generation ahead of time (the same counts);
    /// false counts them, as a measurement of counting needs.
    /// </summary>
    public bool UseFrequentWordCounts { get; init; } = true;
}
