using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Applies <see cref="LatinFolding.Fold"/> to Latin tokens.</summary>
public sealed class LatinFoldingFilter : ITokenFilter
{
    public string Name => "latin-fold";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var t = tokens[i];
            if (t.Script != TokenScript.Latin)
            {
                continue;
            }

            t.Term = LatinFolding.Fold(t.Term);
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
