using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>Stems Arabic-script tokens with <see cref="PersianStemmer"/>.</summary>
public sealed class PersianStemFilter(PersianStemmer stemmer) : ITokenFilter
{
    private readonly StemCache _cache = new(stemmer.Stem);

    public string Name => "persian-stem";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script == TokenScript.Arabic)
            {
                t.Term = _cache.Stem(t.Term);
                tokens[i] = t;
            }
        }
    }
}
