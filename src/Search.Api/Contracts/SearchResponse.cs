namespace Search.Api.Contracts;

/// <summary>One page of results with the total, facet counts and the time the search took.</summary>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<HitResponse> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCountResponse>> Facets);

/// <summary>
/// One hit. <c>Snippet</c> is HTML: the original text escaped, matched words wrapped in &lt;mark&gt;. The same
/// marks are given as UTF-16 offsets into <c>SnippetText</c> for clients that render their own way.
/// <c>Entities</c> are the persons, places, organizations, dates and figures of the document, as facet values.
/// </summary>
public sealed record HitResponse(
    string Id,
    string Title,
    string Language,
    string? Published,
    double Score,
    string Snippet,
    string SnippetText,
    IReadOnlyList<SpanResponse> Highlights,
    IReadOnlyList<FacetValueResponse> Entities);

public sealed record SpanResponse(int Start, int End);

/// <summary>A facet value and how many matching documents have it; labelFa is the Persian label where there is one.</summary>
public sealed record FacetCountResponse(string Value, string Label, int Count, string? LabelFa);
