using Search.Core.Indexing;
using Search.Core.Languages.Persian;

namespace Search.Core.Searching;

/// <summary>Query expansion backed by one index generation: its vocabulary for fuzzy terms, its facet values for fields.</summary>
internal sealed class IndexQueryExpansion(SearchIndex index) : IQueryExpansion
{
    public IReadOnlyList<string> FacetTokens(string dimension, string value) =>
        [FacetValue.TokenOf(dimension, PersianLetters.Fold(value.Trim()).ToLowerInvariant())];

    public IReadOnlyList<string> EntityTokens(IReadOnlyList<string> terms) => [];

    public IReadOnlyList<string> SimilarTerms(string term, int maxEdits) => index.SimilarTerms(term, maxEdits);
}
