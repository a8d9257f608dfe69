namespace Search.Core.Searching;

/// <summary>A snippet of the original text: plain text and the spans (UTF-16 offsets into <see cref="Text"/>) to mark.</summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int End)> Marks, bool StartsInside, bool EndsInside);

/// <summary>One hit, with the facet values of its document (persons, places, dates, figures) for chips that filter.</summary>
public sealed record SearchHit(string Id, string Title, string Language, string? Published, double Score, Snippet Snippet, IReadOnlyList<Indexing.FacetValue> Entities);

public sealed record FacetCount(string Value, string Label, int Count, string? LabelFa = null);

public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);
