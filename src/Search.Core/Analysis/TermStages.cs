using System.Runtime.InteropServices;

namespace Search.Core.Analysis;

/// <summary>
/// A run of an analyzer's term stages (two or more in a row) applied as one: a token's term goes through all of them
/// at once, and the result (a term, or its removal) is remembered per script and term, so a word the text repeats
/// costs one lookup instead of one per stage, and is stemmed once (the stemmers keep no cache of their own). For the
/// indexer, the result's number (<see cref="TermNumbers"/>) is remembered with it. Each thread has its own memory (indexing analyzes on every core); past
/// <see cref="Capacity"/> terms of a script it is cleared and fills again with the words now in use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its analyzer; ThreadLocal frees its slots in its finalizer.")]
internal sealed class TermStages(IReadOnlyList<ITermFilter> stages) : ITokenFilter
{
    public const int Capacity = 100_000;

    private static readonly int Scripts = Enum.GetValues<TokenScript>().Length;

    // What the stages made of a term, per script, and its number. A struct in the dictionary's own entries: a class
    // there cost a read of one more object per token, which showed in a profile of a build.
    private readonly ThreadLocal<Dictionary<string, Result>[]> _results =
        new(() => [.. Enumerable.Range(0, Scripts).Select(_ => new Dictionary<string, Result>(StringComparer.Ordinal))]);

    public string Name => string.Join(" + ", stages.Select(s => s.Name));

    public void Apply(List<WorkToken> tokens) => Apply(tokens, null);

    /// <summary>
    /// Applies the stages; with <paramref name="number"/>, also sets each kept token's <see cref="WorkToken.Number"/>,
    /// remembered beside the term (so <paramref name="number"/> must be the same function on every call: the indexer's).
    /// </summary>
    public void Apply(List<WorkToken> tokens, Func<string, int>? number)
    {
        var results = _results.Value!;
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var known = results[(int)t.Script];
            if (known.Count >= Capacity)
            {
                known.Clear();
            }

            ref var result = ref CollectionsMarshal.GetValueRefOrAddDefault(known, t.Term, out var exists);
            if (!exists)
            {
                result = new Result(Map(t.Script, t.Term), NotAsked);
            }

            if (result.Term is { } term)
            {
                if (number is not null)
                {
                    if (result.Number == NotAsked)
                    {
                        result.Number = number(term);
                    }

                    t.Number = result.Number;
                }

                t.Term = term;
                tokens[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    private const int NotAsked = int.MinValue;

    /// <summary>What the stages made of a term (null when they removed it), and the number the indexer gave the result.</summary>
    private record struct Result(string? Term, int Number);

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
