using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Stems Latin tokens with <see cref="Porter2Stemmer"/>; tokens with digits ("20th", "1980s") are left alone.</summary>
public sealed class EnglishStemFilter : ITermFilter
{
    public string Name => "english-stem";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term) => script == TokenScript.Latin && !HasDigit(term) ? Porter2Stemmer.Stem(term) : term;

    // A loop, not Any(char.IsDigit): that boxes an enumerator for every token.
    private static bool HasDigit(string term)
    {
        foreach (var c in term)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
