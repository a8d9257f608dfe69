namespace Search.Api.Contracts;

/// <summary>A stored document: its full original text, metadata and facet values.</summary>
public sealed record DocumentResponse(
    string Id,
    string Title,
    string? Byline,
    string Language,
    string? Published,
    string Source,
    string Text,
    IReadOnlyList<FacetValueResponse> Facets);

public sealed record FacetValueResponse(string Dimension, string Value, string Label, double? Number);
