namespace Search.Core.Searching;

/// <summary>
/// A query ready to run: an expression of the documents to include (null: every document), one of the documents to
/// leave out, range filters over facet numbers, and the terms to mark in snippets. Every term in the expressions was
/// produced by our analyzers and is quoted when rendered as text (<see cref="MatchExpression.ToFts"/>): user text
/// never becomes query syntax.
/// </summary>
public sealed record CompiledQuery(
    MatchExpression? Match,
    MatchExpression? Exclude,
    IReadOnlyList<RangeFilter> Ranges,
    IReadOnlySet<string> HighlightTerms,
    IReadOnlyList<string> HighlightPrefixes,
    IReadOnlySet<string>? HighlightEntities = null)
{
    public static readonly CompiledQuery All = new(null, null, [], new HashSet<string>(), []);

    /// <summary>Facet tokens of the gazetteer entities the query named: their mentions are marked in snippets too.</summary>
    public IReadOnlySet<string> EntityTokens => HighlightEntities ?? new HashSet<string>();
}
