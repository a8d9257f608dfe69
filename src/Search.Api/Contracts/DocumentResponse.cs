namespace Search.Api.Contracts;

/// <summary>A stored document: its full original text, metadata, facet values, and entities with their offsets.</summary>
public sealed record DocumentResponse(
    string Id,
    string Title,
    string? Byline,
    string Language,
    string? Published,
    string Source,
    string Text,
    IReadOnlyList<FacetValueResponse> Facets,
    IReadOnlyList<EntityResponse> Entities);

/// <summary>A facet value of a document: dimension, canonical value, labels, and the interval a date or figure covers.</summary>
public sealed record FacetValueResponse(string Dimension, string Value, string Label, string? LabelFa, double? Number, double? Upper);

/// <summary>
/// An entity as the text states it: kind and canonical value, the words as written and their UTF-16 offsets in the
/// document's text, and per kind: precision and calendar of a date; number, upper bound, qualifier and unit of a figure.
/// </summary>
public sealed record EntityResponse(
    string Kind,
    string Value,
    string Label,
    string? LabelFa,
    string Text,
    int Start,
    int End,
    bool Discovered,
    string? Precision,
    string? Calendar,
    string? SolarHijri,
    double? Number,
    double? Upper,
    string? Qualifier,
    string? Unit);
