namespace Search.Core.Searching;

/// <summary>
/// The scored documents of recently used terms (per set of columns), kept within a memory budget. A term's BM25
/// scores depend only on the generation, so they are computed once and reused: the frequent terms are the ones
/// queries ask for again and again, and decoding and scoring their long lists is most of what a query costs.
/// Eviction is oldest first: simple, and a frequent term comes straight back.
/// </summary>
internal sealed class TermScoreCache(long budgetBytes)
{
    private readonly BudgetCache<(int Columns, string Term), ScoredDocs> _entries = new(budgetBytes);

    public long Bytes => _entries.Bytes;

    public ScoredDocs GetOrAdd(int columns, string term, Func<ScoredDocs> compute)
    {
        if (_entries.TryGet((columns, term), out var cached))
        {
            return cached;
        }

        var scored = compute();
        var size = 64 + (scored.Count * 8L);
        // A list larger than a quarter of the budget would push out everything else: it is recomputed instead.
        if (size <= budgetBytes / 4)
        {
            _entries.Add((columns, term), scored, size);
        }

        return scored;
    }
}
