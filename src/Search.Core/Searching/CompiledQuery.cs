namespace Search.Core.Searching;

/// <summary>
/// A query ready to run: an FTS5 expression of the documents to include (null: every document), one of the documents
/// to leave out, range filters over facet numbers, and the terms to mark in snippets. Every string in the FTS5
/// expressions was produced by our analyzers and quoted by <see cref="FtsSyntax"/>: user text never reaches FTS5.
/// </summary>
public sealed record CompiledQuery(
    string? Match,
    string? Exclude,
    IReadOnlyList<RangeFilter> Ranges,
    IReadOnlySet<string> HighlightTerms,
    IReadOnlyList<string> HighlightPrefixes,
    IReadOnlySet<string>? HighlightEntities = null)
{
    public static readonly CompiledQuery All = new(null, null, [], new HashSet<string>(), []);

    /// <summary>Facet tokens of the gazetteer entities the query named: their mentions are marked in snippets too.</summary>
    public IReadOnlySet<string> EntityTokens => HighlightEntities ?? new HashSet<string>();
}
