using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// A document ready to write: its source, its analyzed fields (the numbers of their index terms, <see cref="Analysis.TermNumbers"/>,
/// in order), the entities found in its body (with offsets into it) and its facet values.
/// </summary>
public sealed record IndexedDocument(
    SourceDocument Source,
    IReadOnlyList<int> TitleTerms,
    IReadOnlyList<int> BodyTerms,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<FacetValue> Facets)
{
    /// <summary>
    /// The tags column: a token per facet value, and for persons, places and organizations one per mention, so that
    /// a document that names Khamenei ten times outranks one that names him once when a query reaches him by alias.
    /// </summary>
    public string TagTerms => _tagTerms ??= string.Join(' ', Facets.Where(f => f.Dimension is not (EntityKinds.Person or EntityKinds.Place or EntityKinds.Organization)).Select(f => f.Token)
            .Concat(Entities.Where(e => e.Kind is EntityKinds.Person or EntityKinds.Place or EntityKinds.Organization).Select(e => FacetValue.TokenOf(e.Kind, e.Value)))
            .Concat(Facets.Where(f => f.Dimension is EntityKinds.Person or EntityKinds.Place or EntityKinds.Organization && !Entities.Any(e => e.Kind == f.Dimension && e.Value == f.Value)).Select(f => f.Token)));

    // Written to the postings and counted for the lengths: built once.
    private string? _tagTerms;
}
