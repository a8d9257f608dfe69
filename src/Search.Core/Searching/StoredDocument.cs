using Search.Core.Extraction;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>A document as the index stores it: the original text and metadata, its entities with offsets, its facet values.</summary>
public sealed record StoredDocument(
    string Id,
    string Title,
    string? Byline,
    string Body,
    string Language,
    string? Published,
    string Source,
    IReadOnlyList<FacetValue> Facets,
    IReadOnlyList<Entity> Entities);
