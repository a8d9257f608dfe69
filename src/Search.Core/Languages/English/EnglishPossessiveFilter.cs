using Search.Core.Analysis;

namespace Search.Core.Languages.English;

/// <summary>Removes a trailing possessive 's or ’s (and the bare apostrophe of "prisoners'") from Latin tokens.</summary>
public sealed class EnglishPossessiveFilter : ITokenFilter
{
    public string Name => "english-possessive";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script != TokenScript.Latin)
            {
                continue;
            }

            var term = t.Term;
            if (term.Length > 2 && ScriptTokenizer.IsApostrophe(term[^2]) && term[^1] is 's' or 'S')
            {
                term = term[..^2];
            }
            else if (term.Length > 1 && ScriptTokenizer.IsApostrophe(term[^1]))
            {
                term = term[..^1];
            }

            t.Term = term;
            tokens[i] = t;
        }
    }
}
