using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>Applies <see cref="PersianLetters.Normalize"/> to every Arabic-script token; drops tokens left empty.</summary>
public sealed class PersianNormalizationFilter : ITermFilter
{
    public string Name => "persian-normalize";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term)
    {
        if (script != TokenScript.Arabic)
        {
            return term;
        }

        var normalized = PersianLetters.Normalize(term);
        return normalized.Length == 0 ? null : normalized;
    }
}
