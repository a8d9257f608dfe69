namespace Search.Core.Searching;

/// <summary>Keeps the best <c>k</c> rows seen, by score or by publication date; ties go to the lower rowid.</summary>
internal sealed class TopHits(int k, SearchSort sort, int[] published)
{
    private readonly PriorityQueue<(long Rowid, double Score), (double Key, long Rowid)> _heap = new(Comparer<(double Key, long Rowid)>.Create(Compare));

    public void Offer(long rowid, double score)
    {
        if (k <= 0)
        {
            return;
        }

        // Rowids come ascending, so a later row that only ties the worst kept one loses the tie: most rows of a
        // large match set are turned away by this one comparison, without building a key or touching the heap.
        if (sort == SearchSort.Relevance && _heap.Count == k && score <= _worstScore)
        {
            return;
        }

        var key = (KeyOf(rowid, score), rowid);
        if (_heap.Count < k)
        {
            _heap.Enqueue((rowid, score), key);
        }
        else if (Compare(key, PeekKey()) > 0)
        {
            _heap.EnqueueDequeue((rowid, score), key);
        }

        _worstScore = PeekKey().Key;
    }

    private double _worstScore = double.NegativeInfinity;

    /// <summary>The kept rows, best first.</summary>
    public IEnumerable<(long Rowid, double Score)> Ranked()
    {
        var all = new List<((long Rowid, double Score) Item, (double Key, long Rowid) Priority)>();
        while (_heap.TryDequeue(out var item, out var priority))
        {
            all.Add((item, priority));
        }

        all.Reverse();
        return all.Select(a => a.Item);
    }

    private (double Key, long Rowid) PeekKey()
    {
        _heap.TryPeek(out _, out var priority);
        return priority;
    }

    /// <summary>The sort key, larger is better: the score, or the date (undated documents last in either order).</summary>
    private double KeyOf(long rowid, double score)
    {
        var date = rowid < published.Length ? published[rowid] : 0;
        return sort switch
        {
            SearchSort.DateDescending => date == 0 ? double.MinValue : date,
            SearchSort.DateAscending => date == 0 ? double.MinValue : -date,
            _ => score,
        };
    }

    /// <summary>Orders worst first (the heap's head is the first to drop): lower key, then higher rowid.</summary>
    private static int Compare((double Key, long Rowid) a, (double Key, long Rowid) b)
    {
        var byKey = a.Key.CompareTo(b.Key);
        return byKey != 0 ? byKey : b.Rowid.CompareTo(a.Rowid);
    }
}
