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

    // What the stages made of a term, per script.
    private readonly ThreadLocal<Dictionary<string, Result>[]> _results =
        new(() => [.. Enumerable.Range(0, Scripts).Select(_ => new Dictionary<string, Result>(StringComparer.Ordinal))]);

    public string Name => string.Join(" + ", stages.Select(s => s.Name));

    public void Apply(List<WorkToken> tokens)
    {
        var results = _results.Value!;
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var known = results[(int)t.Script];
            if (!known.TryGetValue(t.Term, out var result))
            {
                result = new Result(Map(t.Script, t.Term));
                if (known.Count >= Capacity)
                {
                    known.Clear();
                }

                known[t.Term] = result;
            }

            if (result.Term is { } term)
            {
                t.Term = term;
                t.Result = result;
                tokens[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    /// <summary>
    /// What the stages made of a term (null when they removed it), and the number the indexer gave the result
    /// (<see cref="TermNumbers"/>), asked for once, when an indexed text first has it on this thread.
    /// </summary>
    internal sealed class Result(string? term)
    {
        public const int NotAsked = -2;

        public string? Term { get; } = term;

        /// <summary><see cref="NotAsked"/>, the number, or -1 when the indexer splits the term (see <see cref="Analyzer.Analyze(string, IReadOnlyList{WorkToken}, Func{string, int}, List{int})"/>).</summary>
        public int Number { get; set; } = NotAsked;
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
