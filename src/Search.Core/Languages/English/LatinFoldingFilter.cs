using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Applies <see cref="LatinFolding.Fold"/> to Latin tokens.</summary>
public sealed class LatinFoldingFilter : ITermFilter
{
    public string Name => "latin-fold";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term)
    {
        if (script != TokenScript.Latin)
        {
            return term;
        }

        var folded = LatinFolding.Fold(term);
        return folded.Length == 0 ? null : folded;
    }
}
