namespace Search.Core.Searching;

/// <summary>A search as a caller states it: query text, filters, order and page, before parsing.</summary>
public sealed record SearchQuery
{
    public string? Text { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<RangeFilter> Ranges { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Offset { get; init; }

    public int Limit { get; init; } = 10;

    public int FacetLimit { get; init; } = 20;

    /// <summary>Whether hits come with snippets and entities; false gives ids, titles and scores only (batch runs).</summary>
    public bool Snippets { get; init; } = true;

    /// <summary>Whether to count facets at all; a caller that shows none saves the counting.</summary>
    public bool Facets { get; init; } = true;

    /// <summary>Whether facet counts may come from an earlier search with the same query and filters (see <see cref="SearchRequest.ReuseFacetCounts"/>).</summary>
    public bool ReuseFacetCounts { get; init; } = true;

    /// <summary>Whether a frequent word's facet counts may be those counted ahead of time (see <see cref="SearchRequest.UseFrequentWordCounts"/>).</summary>
    public bool UseFrequentWordCounts { get; init; } = true;
}
