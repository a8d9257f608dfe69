namespace Search.Core.Analysis;

/// <summary>
/// A stage that rewrites one token at a time: what it makes of a token depends on the token's script and term alone,
/// never on its neighbours. Runs of such stages are applied together, and remembered per term (see TermStages).
/// </summary>
public interface ITermFilter : ITokenFilter
{
    /// <summary>The token's new term, or null when the stage removes the token.</summary>
    string? Map(TokenScript script, string term);

    /// <summary>Applies <see cref="Map"/> to every token, removing those it maps to null.</summary>
    static void ApplyEach(ITermFilter filter, List<WorkToken> tokens)
    {
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (filter.Map(t.Script, t.Term) is { } term)
            {
                t.Term = term;
                tokens[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }
}
