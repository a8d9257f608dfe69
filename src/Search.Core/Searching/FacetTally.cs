using System.Collections.Concurrent;

namespace Search.Core.Searching;

/// <summary>
/// Every facet view's buckets in one numbering, and for every document the buckets it falls in, in one array: a
/// document's facet counting is then one short run of increments, whatever the number of views, and a bucketed view
/// (years, months, magnitudes) already holds each of a document's buckets once. Built once per generation.
/// </summary>
internal sealed class FacetBuckets
{
    private readonly int[] _offsets;
    private readonly int[] _buckets;
    private readonly int[] _starts;
    private readonly int[] _viewOf;
    private readonly Dictionary<string, (int Start, int End)> _dimensions;
    private readonly ConcurrentBag<int[]> _pool = [];

    private FacetBuckets(List<FacetView> views, int[] starts, int[] viewOf, int[] offsets, int[] buckets, Dictionary<string, (int, int)> dimensions)
    {
        Views = views;
        _starts = starts;
        _viewOf = viewOf;
        _offsets = offsets;
        _buckets = buckets;
        _dimensions = dimensions;
    }

    public List<FacetView> Views { get; }

    public static FacetBuckets Build(List<FacetView> views, int rows)
    {
        var starts = new int[views.Count + 1];
        for (var v = 0; v < views.Count; v++)
        {
            starts[v + 1] = starts[v] + views[v].Keys.Length;
        }

        var viewOf = new int[starts[^1]];
        var dimensions = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        for (var v = 0; v < views.Count; v++)
        {
            Array.Fill(viewOf, v, starts[v], starts[v + 1] - starts[v]);
            // A dimension's views are next to each other (date and date.month): one range covers them.
            var name = views[v].Dimension.Name;
            dimensions[name] = dimensions.TryGetValue(name, out var range) ? (range.Start, starts[v + 1]) : (starts[v], starts[v + 1]);
        }

        var offsets = new int[rows + 1];
        var buckets = new List<int>();
        var seen = new HashSet<int>();
        for (var rowid = 0; rowid < rows; rowid++)
        {
            offsets[rowid] = buckets.Count;
            for (var v = 0; v < views.Count; v++)
            {
                seen.Clear();
                var view = views[v];
                foreach (var ordinal in view.Dimension.OrdinalsOf(rowid))
                {
                    var bucket = view.BucketOf[ordinal];
                    if (bucket >= 0 && seen.Add(bucket))
                    {
                        buckets.Add(starts[v] + bucket);
                    }
                }
            }
        }

        offsets[rows] = buckets.Count;
        return new FacetBuckets(views, starts, viewOf, offsets, [.. buckets], dimensions);
    }

    public ReadOnlySpan<int> BucketsOf(long rowid) =>
        rowid + 1 < _offsets.Length ? _buckets.AsSpan(_offsets[rowid], _offsets[rowid + 1] - _offsets[rowid]) : [];

    /// <summary>The bucket range of a dimension's views, empty when it has none.</summary>
    public (int Start, int End) RangeOf(string dimension) => _dimensions.GetValueOrDefault(dimension);

    public Tally StartTally() => new(this, _pool.TryTake(out var counts) ? counts : new int[_viewOf.Length]);

    /// <summary>The counts of one search: the arrays come clean from the pool and go back clean.</summary>
    internal sealed class Tally(FacetBuckets buckets, int[] counts)
    {
        private readonly List<int> _touched = [];

        public void Add(ReadOnlySpan<int> documentBuckets)
        {
            foreach (var bucket in documentBuckets)
            {
                if (counts[bucket]++ == 0)
                {
                    _touched.Add(bucket);
                }
            }
        }

        /// <summary>Counts only the document's buckets in [start, end): the views of the one filter it fails.</summary>
        public void Add(ReadOnlySpan<int> documentBuckets, int start, int end)
        {
            foreach (var bucket in documentBuckets)
            {
                if (bucket >= start && bucket < end && counts[bucket]++ == 0)
                {
                    _touched.Add(bucket);
                }
            }
        }

        /// <summary>Per view, its <paramref name="limit"/> largest buckets, most documents first, then by key.</summary>
        public Dictionary<string, IReadOnlyList<FacetCount>> Results(int limit)
        {
            var perView = buckets.Views.Select(_ => new List<int>()).ToArray();
            foreach (var bucket in _touched)
            {
                perView[buckets._viewOf[bucket]].Add(bucket);
            }

            var results = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
            for (var v = 0; v < perView.Length; v++)
            {
                var view = buckets.Views[v];
                var start = buckets._starts[v];
                results[view.Name] = [.. Best(perView[v], limit, start, view).Select(b => new FacetCount(view.Keys[b - start], view.Labels[b - start], counts[b], view.LabelsFa[b - start]))];
            }

            foreach (var bucket in _touched)
            {
                counts[bucket] = 0;
            }

            buckets._pool.Add(counts);
            return results;
        }

        private List<int> Best(List<int> touched, int limit, int start, FacetView view)
        {
            var comparer = Comparer<int>.Create((a, b) =>
            {
                var byCount = counts[b].CompareTo(counts[a]);
                return byCount != 0 ? byCount : view.KeyRank[a - start].CompareTo(view.KeyRank[b - start]);
            });
            if (limit >= touched.Count)
            {
                touched.Sort(comparer);
                return touched;
            }

            // Keep the best `limit` in a heap whose head is the worst of them.
            var heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => comparer.Compare(b, a)));
            foreach (var bucket in touched)
            {
                if (heap.Count < limit)
                {
                    heap.Enqueue(bucket, bucket);
                }
                else if (comparer.Compare(bucket, heap.Peek()) < 0)
                {
                    heap.EnqueueDequeue(bucket, bucket);
                }
            }

            var best = heap.UnorderedItems.Select(i => i.Element).ToList();
            best.Sort(comparer);
            return best;
        }
    }
}
