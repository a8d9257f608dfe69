using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Removes a trailing possessive 's or ’s (and the bare apostrophe of "prisoners'") from Latin tokens.</summary>
public sealed class EnglishPossessiveFilter : ITermFilter
{
    public string Name => "english-possessive";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term)
    {
        if (script != TokenScript.Latin)
        {
            return term;
        }

        if (term.Length > 2 && ScriptTokenizer.IsApostrophe(term[^2]) && term[^1] is 's' or 'S')
        {
            return term[..^2];
        }

        return term.Length > 1 && ScriptTokenizer.IsApostrophe(term[^1]) ? term[..^1] : term;
    }
}
