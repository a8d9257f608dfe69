namespace Search.Core.Analysis;

/// <summary>
/// A run of an analyzer's term stages (two or more in a row) applied as one: a token's term goes through all of them
/// at once, and the result (a term, or its removal) is remembered per script and term, so a word the text repeats
/// costs one lookup instead of one per stage, and is stemmed once (the stemmers keep no cache of their own). Each thread has its own memory (indexing analyzes on every core); past
/// <see cref="Capacity"/> terms of a script it is cleared and fills again with the words now in use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its analyzer; ThreadLocal frees its slots in its finalizer.")]
internal sealed class TermStages(IReadOnlyList<ITermFilter> stages) : ITokenFilter
{
    public const int Capacity = 100_000;

    private static readonly int Scripts = Enum.GetValues<TokenScript>().Length;

    // What the stages made of a term, per script; null when they removed it.
    private readonly ThreadLocal<Dictionary<string, string?>[]> _results =
        new(() => [.. Enumerable.Range(0, Scripts).Select(_ => new Dictionary<string, string?>(StringComparer.Ordinal))]);

    public string Name => string.Join(" + ", stages.Select(s => s.Name));

    public void Apply(List<WorkToken> tokens)
    {
        var results = _results.Value!;
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var known = results[(int)t.Script];
            if (!known.TryGetValue(t.Term, out var term))
            {
                term = Map(t.Script, t.Term);
                if (known.Count >= Capacity)
                {
                    known.Clear();
                }

                known[t.Term] = term;
            }

            if (term is not null)
            {
                t.Term = term;
                tokens[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    private string? Map(TokenScript script, string term)
    {
        string? result = term;
        foreach (var stage in stages)
        {
            result = stage.Map(script, result);
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }
}
