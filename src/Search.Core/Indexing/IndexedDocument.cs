using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// A document ready to write: its source, its analyzed fields (terms joined by spaces), the entities found in its
/// body (with offsets into it) and its facet values.
/// </summary>
public sealed record IndexedDocument(
    SourceDocument Source,
    string TitleTerms,
    string BodyTerms,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<FacetValue> Facets);
