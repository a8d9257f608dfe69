using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Stems Latin tokens with <see cref="Porter2Stemmer"/>; tokens with digits ("20th", "1980s") are left alone.</summary>
public sealed class EnglishStemFilter : ITokenFilter
{
    private readonly StemCache _cache = new(Porter2Stemmer.Stem);

    public string Name => "english-stem";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script == TokenScript.Latin && !HasDigit(t.Term))
            {
                t.Term = _cache.Stem(t.Term);
                tokens[i] = t;
            }
        }
    }

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
