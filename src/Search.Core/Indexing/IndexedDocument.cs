namespace Search.Core.Indexing;

/// <summary>A document ready to write: its source, its analyzed fields (terms joined by spaces) and its facet values.</summary>
public sealed record IndexedDocument(
    SourceDocument Source,
    string TitleTerms,
    string BodyTerms,
    IReadOnlyList<FacetValue> Facets);
