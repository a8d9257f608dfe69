namespace Search.Core.Searching;

/// <summary>A snippet of the original text: plain text and the spans (UTF-16 offsets into <see cref="Text"/>) to mark.</summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int End)> Marks, bool StartsInside, bool EndsInside);

/// <summary>One hit, with the facet values of its document (persons, places, dates, figures) for chips that filter.</summary>
public sealed record SearchHit(string Id, string Title, string Language, string? Published, double Score, Snippet Snippet, IReadOnlyList<Indexing.FacetValue> Entities);

/// <summary>
/// One facet value and how many matches have it. A value, not an object: a faceted search lists up to 20 a view,
/// and as records they were 3 KB of a rare word's 23 KB allocated per faceted search at a million documents.
/// </summary>
public readonly record struct FacetCount(string Value, string Label, int Count, string? LabelFa = null);

public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);
