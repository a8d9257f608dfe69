using System.Runtime.InteropServices;

namespace Search.Core.Analysis;

/// <summary>
/// A run of an analyzer's term stages (two or more in a row) applied as one: a token's term goes through all of them
/// at once, and the result (a term, or its removal) is remembered per script and term, so a word the text repeats
/// costs one lookup instead of one per stage, and is stemmed once (the stemmers keep no cache of their own). For the
/// indexer, the result's number (<see cref="TermNumbers"/>) is remembered with it. Each thread has its own memory (indexing analyzes on every core),
/// or, built shared across threads, one memory serves them all (a service's requests); past <see cref="Capacity"/>
/// terms of a script (in a thread's memory, past <see cref="ShortTerms.Capacity"/> short terms or as many longer ones)
/// it is cleared and fills again with the words now in use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its analyzer; ThreadLocal frees its slots in its finalizer.")]
internal sealed class TermStages(IReadOnlyList<ITermFilter> stages, bool sharedAcrossThreads = false) : ITokenFilter
{
    public const int Capacity = 100_000;

    private static readonly int Scripts = Enum.GetValues<TokenScript>().Length;

    // What the stages made of a term, per script, and its number, in each thread's memory (see Memory). In the
    // dictionary of longer terms a struct in its own entries: a class there cost a read of one more object per token,
    // which showed in a profile of a build.
    private readonly ThreadLocal<Memory> _memory = new(() => new Memory());

    // Shared across threads (sharedAcrossThreads): one memory for every thread, for a service whose requests run on
    // whichever of a dozen pool threads is free. A memory per thread there meant a dozen of them, each seeing a
    // dozenth of the requests, and a lookup cost about four times what it costs on one thread (estimated from a
    // profile of the service: some 150-220 ns a token against 50; cache misses, presumably). The indexer's threads
    // keep their own: they number terms too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?>[] _shared =
        sharedAcrossThreads ? [.. Enumerable.Range(0, Scripts).Select(_ => new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal))] : [];

    private readonly int[] _sharedCounts = new int[sharedAcrossThreads ? Scripts : 0];

    public string Name => string.Join(" + ", stages.Select(s => s.Name));

    public void Apply(List<WorkToken> tokens)
    {
        if (sharedAcrossThreads)
        {
            ApplyShared(tokens);
        }
        else
        {
            Apply(tokens, null);
        }
    }

    /// <summary>The stages, remembered in the memory every thread shares; terms are not numbered here.</summary>
    private void ApplyShared(List<WorkToken> tokens)
    {
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var script = (int)t.Script;
            var known = _shared[script];
            if (!known.TryGetValue(t.Term, out var term))
            {
                term = Map(t.Script, t.Term);
                if (known.TryAdd(t.Term, term) && Interlocked.Increment(ref _sharedCounts[script]) > Capacity)
                {
                    // Full: start again with the words now in use (a count of its own: the dictionary's counts lock).
                    known.Clear();
                    Volatile.Write(ref _sharedCounts[script], 0);
                }
            }

            if (term is not null)
            {
                t.Term = term;
                tokens[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    /// <summary>
    /// Applies the stages; with <paramref name="number"/>, also sets each kept token's <see cref="WorkToken.Number"/>,
    /// remembered beside the term (so <paramref name="number"/> must be the same function on every call: the indexer's).
    /// </summary>
    public void Apply(List<WorkToken> tokens, Func<string, int>? number)
    {
        // Numbering (the indexer) always uses a thread's own memory, where the number is kept beside the term.
        var memory = _memory.Value!;
        var span = CollectionsMarshal.AsSpan(tokens);
        var kept = 0;
        for (var i = 0; i < span.Length; i++)
        {
            ref var t = ref span[i];
            var script = (int)t.Script;
            var (term, termNumber) = t.Term.Length is > 0 and <= ShortTerms.MaxLength
                ? Short(memory.Short[script] ??= new ShortTerms(), t, number)
                : Long(memory.Long[script] ??= new Dictionary<string, Result>(StringComparer.Ordinal), t, number);
            if (term is not null)
            {
                t.Term = term;
                if (number is not null)
                {
                    t.Number = termNumber;
                }

                span[kept++] = t;
            }
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    /// <summary>What the stages make of a short term and its number, remembered in the thread's table of short terms.</summary>
    private (string? Term, int Number) Short(ShortTerms known, in WorkToken t, Func<string, int>? number)
    {
        ref var slot = ref known.Find(t.Term, out var exists);
        if (!exists)
        {
            var term = Map(t.Script, t.Term);
            var n = term is not null && number is not null ? number(term) : NotAsked;
            known.Add(ref slot, t.Term, term, n);
            return (term, n);
        }

        if (slot.Term is not null && number is not null && slot.Number == NotAsked)
        {
            slot.Number = number(slot.Term);
        }

        return (slot.Term, slot.Number);
    }

    /// <summary>What the stages make of a longer term and its number, remembered in the thread's dictionary.</summary>
    private (string? Term, int Number) Long(Dictionary<string, Result> known, in WorkToken t, Func<string, int>? number)
    {
        if (known.Count >= Capacity)
        {
            known.Clear();
        }

        ref var result = ref CollectionsMarshal.GetValueRefOrAddDefault(known, t.Term, out var exists);
        if (!exists)
        {
            result = new Result(Map(t.Script, t.Term), NotAsked);
        }

        if (result.Term is not null && number is not null && result.Number == NotAsked)
        {
            result.Number = number(result.Term);
        }

        return (result.Term, result.Number);
    }

    /// <summary>
    /// A thread's memory, per script, made when the script is first met: short terms in a table of their own (see
    /// <see cref="ShortTerms"/>), longer ones in a dictionary.
    /// </summary>
    private sealed class Memory
    {
        public readonly ShortTerms?[] Short = new ShortTerms?[Scripts];
        public readonly Dictionary<string, Result>?[] Long = new Dictionary<string, Result>?[Scripts];
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
