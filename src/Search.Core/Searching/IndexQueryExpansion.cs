using Search.Core.Extraction;
using Search.Core.Indexing;
using Search.Core.Languages.Persian;

namespace Search.Core.Searching;

/// <summary>
/// Query expansion backed by one index generation and the gazetteer: a word that is an alias of a gazetteer entity
/// also matches documents tagged with it (Khamenei finds خامنه‌ای); a facet field's value may be an id, an alias in
/// either script, or a discovered name; fuzzy terms come from the generation's vocabulary.
/// </summary>
internal sealed class IndexQueryExpansion(SearchIndex index, GazetteerMatcher gazetteer) : IQueryExpansion
{
    public IReadOnlyList<string> FacetTokens(string dimension, string value)
    {
        var trimmed = value.Trim();
        var tokens = new List<string> { FacetValue.TokenOf(dimension, trimmed) };
        var terms = gazetteer.Analyzer.Analyze(trimmed).Select(t => t.Term).ToList();
        tokens.AddRange(gazetteer.Lookup(terms).Where(e => e.Kind == dimension).Select(e => FacetValue.TokenOf(dimension, e.Id)));

        // Discovered names are stored as their folded words: "reza-malek", "رضا ملک".
        var folded = PersianLetters.Fold(trimmed).ToLowerInvariant();
        tokens.Add(FacetValue.TokenOf(dimension, folded));
        tokens.Add(FacetValue.TokenOf(dimension, string.Join('-', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        return [.. tokens.Distinct()];
    }

    public IReadOnlyList<string> EntityTokens(IReadOnlyList<string> terms) =>
        [.. gazetteer.Lookup(terms).Select(e => FacetValue.TokenOf(e.Kind, e.Id)).Distinct()];

    public IReadOnlyList<string> SimilarTerms(string term, int maxEdits) => index.SimilarTerms(term, maxEdits);
}
