namespace Search.Core.Searching;

/// <summary>
/// A set of documents, rowids ascending, each with a score: what every node of a query evaluates to. The operations
/// are merges of sorted arrays, so a query costs in proportion to the postings it touches.
/// </summary>
internal sealed class ScoredDocs(int[] docs, float[] scores, int count)
{
    public static readonly ScoredDocs Empty = new([], [], 0);

    public int[] Docs => docs;

    public float[] Scores => scores;

    public int Count => count;

    // Positions of the best documents, best first; grown on demand. A cached term's set is shared by every query
    // that names the term, so its ranking is computed once. Two queries may compute it at once: same result.
    private int[]? _best;

    /// <summary>
    /// Positions of the <paramref name="n"/> best documents (or all, when fewer), best first: higher score, then lower
    /// rowid, the order of <see cref="TopHits"/>.
    /// </summary>
    public int[] Best(int n)
    {
        n = Math.Min(n, count);
        var best = _best;
        if (best is null || best.Length < n)
        {
            // Keep a few pages' worth, so the next page is free as well.
            best = Rank(Math.Min(count, Math.Max(n, 100)));
            _best = best;
        }

        return best.Length == n ? best : best[..n];
    }

    private int[] Rank(int n)
    {
        if (n == 0)
        {
            return [];
        }

        // A heap of the best n, worst at the head: lower score, then higher rowid (rowids ascend with position).
        var heap = new PriorityQueue<int, (float Score, int Position)>(n + 1, Comparer<(float Score, int Position)>.Create((a, b) =>
        {
            var byScore = a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : b.Position.CompareTo(a.Position);
        }));
        var threshold = float.NegativeInfinity;
        var i = 0;
        for (; i < count && heap.Count < n; i++)
        {
            heap.Enqueue(i, (scores[i], i));
        }

        if (heap.Count == n)
        {
            heap.TryPeek(out _, out var worst);
            threshold = worst.Score;
        }

        // Once the heap is full almost every score loses to its worst: a block of scores none of which beats it is
        // passed over in one vector comparison (the threshold only rises, so none of them could have entered later).
        var width = System.Numerics.Vector<float>.Count;
        var all = scores.AsSpan(0, count);
        while (i < count)
        {
            if (System.Numerics.Vector.IsHardwareAccelerated && i + width <= count
                && !System.Numerics.Vector.GreaterThanAny(new System.Numerics.Vector<float>(all.Slice(i, width)), new System.Numerics.Vector<float>(threshold)))
            {
                i += width;
                continue;
            }

            for (var end = Math.Min(count, i + width); i < end; i++)
            {
                if (scores[i] > threshold)
                {
                    heap.EnqueueDequeue(i, (scores[i], i));
                    heap.TryPeek(out _, out var worst);
                    threshold = worst.Score;
                }
            }
        }

        var ranked = new int[heap.Count];
        for (var k = ranked.Length - 1; k >= 0; k--)
        {
            ranked[k] = heap.Dequeue();
        }

        return ranked;
    }

    /// <summary>Every document of any part, with the sum of the scores of the parts that hold it.</summary>
    public static ScoredDocs Union(IReadOnlyList<ScoredDocs> parts)
    {
        var nonEmpty = parts.Where(p => p.Count > 0).ToList();
        if (nonEmpty.Count <= 1)
        {
            return nonEmpty.Count == 0 ? Empty : nonEmpty[0];
        }

        if (nonEmpty.Count <= 4)
        {
            // Few parts: merge them pairwise, smallest first.
            nonEmpty.Sort((a, b) => a.Count.CompareTo(b.Count));
            var merged = nonEmpty[0];
            for (var i = 1; i < nonEmpty.Count; i++)
            {
                merged = Merge(merged, nonEmpty[i]);
            }

            return merged;
        }

        return Accumulate(nonEmpty);
    }

    private static ScoredDocs Merge(ScoredDocs a, ScoredDocs b)
    {
        var docs = new int[a.Count + b.Count];
        var scores = new float[a.Count + b.Count];
        int i = 0, j = 0, n = 0;
        while (i < a.Count && j < b.Count)
        {
            var da = a.Docs[i];
            var db = b.Docs[j];
            if (da < db)
            {
                docs[n] = da;
                scores[n++] = a.Scores[i++];
            }
            else if (db < da)
            {
                docs[n] = db;
                scores[n++] = b.Scores[j++];
            }
            else
            {
                docs[n] = da;
                scores[n++] = a.Scores[i++] + b.Scores[j++];
            }
        }

        for (; i < a.Count; i++, n++)
        {
            docs[n] = a.Docs[i];
            scores[n] = a.Scores[i];
        }

        for (; j < b.Count; j++, n++)
        {
            docs[n] = b.Docs[j];
            scores[n] = b.Scores[j];
        }

        return new ScoredDocs(docs, scores, n);
    }

    /// <summary>
    /// Many parts (a prefix's expansions): add every score into one array indexed by rowid and mark the rowid in a
    /// bitmap, then collect the marked rowids in order by walking the bitmap a word at a time (empty stretches of a
    /// large collection cost one comparison per 64 rowids).
    /// </summary>
    private static ScoredDocs Accumulate(List<ScoredDocs> parts)
    {
        var size = parts.Max(p => p.Docs[p.Count - 1]) + 1;
        var words = (size + 63) >> 6;
        var clean = CleanSums.Take() is { } taken && taken.Sums.Length >= size ? taken : new Accumulator(size);

        // Every posting is one unconditional addition into sums that start at zero: a test of whether the document
        // was seen before is a branch the processor mispredicts about half the time, over hundreds of thousands of
        // postings for a broad prefix.
        var (sums, bits) = (clean.Sums, clean.Bits);
        foreach (var part in parts)
        {
            var docs = part.Docs;
            var scores = part.Scores;
            for (var i = 0; i < part.Count; i++)
            {
                var doc = docs[i];
                bits[doc >> 6] |= 1UL << (doc & 63);
                sums[doc] += scores[i];
            }
        }

        var distinct = 0;
        for (var w = 0; w < words; w++)
        {
            distinct += System.Numerics.BitOperations.PopCount(bits[w]);
        }

        // Read out, and cleaned as it is read: only what was touched is written again, where clearing the arrays whole
        // before each use wrote 4 MB at a million documents (a sixth of a broad prefix's time).
        var result = new int[distinct];
        var resultScores = new float[distinct];
        var n = 0;
        for (var w = 0; w < words; w++)
        {
            var word = bits[w];
            bits[w] = 0;
            while (word != 0)
            {
                var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                result[n] = doc;
                resultScores[n++] = sums[doc];
                sums[doc] = 0;
                word &= word - 1;
            }
        }

        CleanSums.Return(clean);
        return new ScoredDocs(result, resultScores, n);
    }

    /// <summary>Score sums and seen-bits by rowid, all zero whenever they are in the pool: one set per query running at once.</summary>
    private static readonly SparePool<Accumulator> CleanSums = new(2 * Environment.ProcessorCount);

    private sealed class Accumulator(int size)
    {
        public float[] Sums { get; } = new float[size];

        public ulong[] Bits { get; } = new ulong[(size + 63) >> 6];
    }

    /// <summary>The documents every part holds, with the sum of their scores; walks the smallest part and seeks in the others.</summary>
    public static ScoredDocs Intersect(IReadOnlyList<ScoredDocs> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var ordered = parts.OrderBy(p => p.Count).ToArray();
        var lead = ordered[0];
        var docs = new int[lead.Count];
        var scores = new float[lead.Count];
        var positions = new int[ordered.Length];
        var n = 0;
        for (var i = 0; i < lead.Count; i++)
        {
            var doc = lead.Docs[i];
            var score = lead.Scores[i];
            var all = true;
            for (var p = 1; p < ordered.Length && all; p++)
            {
                var other = ordered[p];
                var at = Seek(other.Docs, other.Count, positions[p], doc);
                positions[p] = at;
                if (at < other.Count && other.Docs[at] == doc)
                {
                    score += other.Scores[at];
                }
                else
                {
                    all = false;
                }
            }

            if (all)
            {
                docs[n] = doc;
                scores[n++] = score;
            }
        }

        return new ScoredDocs(docs, scores, n);
    }

    /// <summary>The documents whose rowid is set in <paramref name="bits"/>, scores kept.</summary>
    public ScoredDocs Within(ulong[] bits)
    {
        var kept = new int[count];
        var keptScores = new float[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var doc = docs[i];
            if (Bitsets.Has(bits, doc))
            {
                kept[n] = doc;
                keptScores[n++] = scores[i];
            }
        }

        return new ScoredDocs(kept, keptScores, n);
    }

    /// <summary>The documents of <paramref name="include"/> that <paramref name="exclude"/> does not hold, scores kept.</summary>
    public static ScoredDocs Except(ScoredDocs include, ScoredDocs exclude)
    {
        if (exclude.Count == 0)
        {
            return include;
        }

        var docs = new int[include.Count];
        var scores = new float[include.Count];
        var n = 0;
        var at = 0;
        for (var i = 0; i < include.Count; i++)
        {
            var doc = include.Docs[i];
            at = Seek(exclude.Docs, exclude.Count, at, doc);
            if (at < exclude.Count && exclude.Docs[at] == doc)
            {
                continue;
            }

            docs[n] = doc;
            scores[n++] = include.Scores[i];
        }

        return new ScoredDocs(docs, scores, n);
    }

    /// <summary>
    /// The first position at or after <paramref name="from"/> whose rowid is at least <paramref name="target"/>:
    /// galloping, then binary search, so a rare term walks a common one in a few steps per document.
    /// </summary>
    public static int Seek(int[] docs, int count, int from, int target)
    {
        if (from >= count || docs[from] >= target)
        {
            return from;
        }

        var step = 1;
        var low = from;
        var high = from + step;
        while (high < count && docs[high] < target)
        {
            low = high;
            step <<= 1;
            high = from + step;
        }

        high = Math.Min(high, count);
        // docs[low] < target; the answer is in (low, high].
        var index = Array.BinarySearch(docs, low + 1, high - low - 1, target);
        return index >= 0 ? index : ~index;
    }
}
