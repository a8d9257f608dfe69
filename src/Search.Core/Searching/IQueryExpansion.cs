namespace Search.Core.Searching;

/// <summary>
/// What the compiler asks of the index and the gazetteer: facet tokens for a field value, extra tokens for a word
/// that names an entity (Khamenei ↔ خامنه‌ای), and indexed terms near a misspelled one.
/// </summary>
public interface IQueryExpansion
{
    /// <summary>The tag tokens a facet field value (person:khamenei, lang:fa) stands for; empty when it names nothing.</summary>
    IReadOnlyList<string> FacetTokens(string dimension, string value);

    /// <summary>Tag tokens of entities whose alias analyzes to exactly these terms.</summary>
    IReadOnlyList<string> EntityTokens(IReadOnlyList<string> terms);

    /// <summary>Indexed terms within <paramref name="maxEdits"/> edits of <paramref name="term"/>, most frequent first.</summary>
    IReadOnlyList<string> SimilarTerms(string term, int maxEdits);
}
