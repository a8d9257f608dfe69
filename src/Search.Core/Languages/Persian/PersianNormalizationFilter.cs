using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>Applies <see cref="PersianLetters.Normalize"/> to every Arabic-script token; drops tokens left empty.</summary>
public sealed class PersianNormalizationFilter : ITokenFilter
{
    public string Name => "persian-normalize";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var t = tokens[i];
            if (t.Script != TokenScript.Arabic)
            {
                continue;
            }

            t.Term = PersianLetters.Normalize(t.Term);
            if (t.Term.Length == 0)
            {
                tokens.RemoveAt(i);
            }
            else
            {
                tokens[i] = t;
            }
        }
    }
}
