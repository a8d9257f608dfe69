using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Search.Core.Searching;

/// <summary>
/// Every facet view's buckets in one numbering, and for every document the buckets it falls in, in one array: a
/// document's facet counting is then one short run of increments, whatever the number of views, and a bucketed view
/// (years, months, magnitudes) already holds each of a document's buckets once. Built when a generation is opened,
/// and extended by the rows a live write adds (<see cref="Extended"/>).
/// Counting a large match set waits on memory, not on arithmetic (a common word's documents are scattered over tens
/// of megabytes of buckets), so a document's buckets are two bytes each while there are at most 65,536 buckets
/// (about 40,000 at a million documents), and the pass asks the processor for the documents ahead of the one it
/// counts, by address: the arrays live on the pinned object heap.
/// </summary>
internal sealed unsafe class FacetBuckets
{
    // Shared with the states extended from this one, which only append (see GrowingArray): _rows + 1 offsets and
    // _entries buckets are this state's.
    private readonly GrowingArray<int> _offsets;
    private readonly GrowingArray<ushort>? _narrow; // every document's buckets, while bucket numbers fit in two bytes
    private readonly GrowingArray<int>? _wide; // otherwise
    private readonly int _rows;
    private readonly int _entries;
    private readonly int[] _starts; // by view, its first bucket; a view's numbers run on past its keys, as room for more
    private readonly int[] _viewOf;
    private readonly int[] _keyRankOf; // by bucket: its key's place in the ordinal order of its view's keys
    private readonly int[] _bucketAtKeyRank; // by a view's start plus a key rank: the bucket
    private readonly Dictionary<string, (int Start, int End)> _dimensions;
    // A tally's counts are 175 KB at a million documents, an allocation on the large object heap: kept for sixteen
    // searches at once, each counting on two threads (SharedCounting), as a service under load has them.
    private readonly SparePool<Scratch> _pool = new(32);
    private readonly int[] _rowStarts; // the offsets' items, and the entries', as counting reads them
    private readonly ushort[]? _narrowItems;
    private readonly int[]? _wideItems;
    private readonly int* _offsetsAt;
    private readonly byte* _bucketsAt;
    private readonly int _bucketSize;

    private FacetBuckets(List<FacetView> views, int[] starts, GrowingArray<int> offsets, int rows, GrowingArray<ushort>? narrow, GrowingArray<int>? wide, int entries)
    {
        Views = views;
        _starts = starts;
        _viewOf = new int[starts[^1]];
        _dimensions = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        (_keyRankOf, _bucketAtKeyRank) = (new int[_viewOf.Length], new int[_viewOf.Length]);
        for (var v = 0; v < views.Count; v++)
        {
            Array.Fill(_viewOf, v, starts[v], starts[v + 1] - starts[v]);
            // A dimension's views are next to each other (date and date.month): one range covers them.
            var name = views[v].Dimension.Name;
            _dimensions[name] = _dimensions.TryGetValue(name, out var range) ? (range.Start, starts[v + 1]) : (starts[v], starts[v + 1]);
            for (var b = 0; b < views[v].KeyRank.Length; b++)
            {
                _keyRankOf[starts[v] + b] = views[v].KeyRank[b];
                _bucketAtKeyRank[starts[v] + views[v].KeyRank[b]] = starts[v] + b;
            }
        }

        (_offsets, _rows, _entries) = (offsets, rows, entries);
        (_narrow, _wide) = (narrow, wide);
        (_rowStarts, _narrowItems, _wideItems) = (offsets.Items, narrow?.Items, wide?.Items);
        _offsetsAt = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(offsets.Items));
        _bucketsAt = narrow is not null
            ? (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(narrow.Items))
            : (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(wide!.Items));
        _bucketSize = narrow is not null ? sizeof(ushort) : sizeof(int);
    }

    public List<FacetView> Views { get; }

    // Bucket numbers fit in two bytes up to this many.
    private const int NarrowBuckets = ushort.MaxValue + 1;

    public static FacetBuckets Build(List<FacetView> views, int rows)
    {
        var starts = Numbering(views);
        // At most as many entries as the views' values (a bucketed view may fold several of a document's into one).
        var bound = views.Sum(v => v.Dimension.Entries);
        var offsets = GrowingArray<int>.PinnedWithRoom(rows + 1);
        offsets[0] = 0;
        // Written straight into the array counting reads, not through a wider one first: at a million documents that
        // was 120 MB more at once, each time a state was built.
        if (starts[^1] <= NarrowBuckets)
        {
            var small = GrowingArray<ushort>.PinnedWithRoom(bound);
            var filled = Fill(views, starts, 0, rows, offsets.AsSpan(1, rows), small, 0);
            return new FacetBuckets(views, starts, GrowingArray<int>.Pinned(offsets, rows + 1), rows, Kept(small, filled), null, filled);
        }

        var wide = GrowingArray<int>.PinnedWithRoom(bound);
        var count = Fill(views, starts, 0, rows, offsets.AsSpan(1, rows), wide, 0);
        return new FacetBuckets(views, starts, GrowingArray<int>.Pinned(offsets, rows + 1), rows, null, Kept(wide, count), count);
    }

    /// <summary>
    /// These buckets with the rows past this state's added, up to <paramref name="rows"/>, for <paramref name="views"/>:
    /// the views of the dimensions extended from this state's (see <see cref="FacetDimension.Extended"/>), which keep
    /// their values' buckets and may add buckets past them, and may be followed by views of new dimensions. The rows
    /// held are shared, not copied: a live write at a million documents rebuilt them all, 0.6 s and 64 MB. Built
    /// afresh when a view has outgrown its room, or the numbers no longer fit the entries' width.
    /// </summary>
    public FacetBuckets Extended(List<FacetView> views, int rows)
    {
        var starts = Numbering(views, this);
        if (starts is null || rows < _rows)
        {
            return Build(views, rows);
        }

        var bound = 0;
        for (var rowid = _rows; rowid < rows; rowid++)
        {
            foreach (var view in views)
            {
                bound += view.Dimension.OrdinalsOf(rowid).Length;
            }
        }

        var ends = new int[rows - _rows];
        if (_narrow is not null)
        {
            var small = new ushort[bound];
            var filled = Fill(views, starts, _rows, rows, ends, small, _entries);
            return new FacetBuckets(views, starts, _offsets.Append(_rows + 1, ends), rows, _narrow.Append(_entries, small.AsSpan(0, filled)), null, _entries + filled);
        }

        var wide = new int[bound];
        var count = Fill(views, starts, _rows, rows, ends, wide, _entries);
        return new FacetBuckets(views, starts, _offsets.Append(_rows + 1, ends), rows, null, _wide!.Append(_entries, wide.AsSpan(0, count)), _entries + count);
    }

    /// <summary>
    /// Each view's first bucket, and past the last the number of buckets: a view is numbered with room past its keys
    /// for the keys that writes add (a new person, a new month), so that an extended state numbers every bucket as
    /// this one does. The room shrinks where it would take the numbers past two bytes.
    /// </summary>
    private static int[] Numbering(List<FacetView> views)
    {
        var keys = views.Sum(v => v.Keys.Length);
        var room = views.Sum(v => Room(v.Keys.Length));
        // Never room at the cost of entries twice as wide: what there is left below two bytes is shared out.
        var share = keys <= NarrowBuckets && keys + room > NarrowBuckets ? (double)(NarrowBuckets - keys) / room : 1.0;
        var starts = new int[views.Count + 1];
        for (var v = 0; v < views.Count; v++)
        {
            starts[v + 1] = starts[v] + views[v].Keys.Length + (int)(Room(views[v].Keys.Length) * share);
        }

        return starts;
    }

    // A view's room: a sixteenth of its keys, and a few more, so that a view with few keys has some.
    private static int Room(int keys) => 16 + (keys / 16);

    /// <summary>The numbering of <paramref name="previous"/> kept for its views, or null where a view has outgrown its room.</summary>
    private static int[]? Numbering(List<FacetView> views, FacetBuckets previous)
    {
        var held = previous.Views.Count;
        if (views.Count < held)
        {
            return null;
        }

        var starts = new int[views.Count + 1];
        for (var v = 0; v < views.Count; v++)
        {
            if (v < held)
            {
                if (views[v].Name != previous.Views[v].Name || views[v].Keys.Length > previous._starts[v + 1] - previous._starts[v])
                {
                    return null;
                }

                starts[v + 1] = previous._starts[v + 1];
            }
            else
            {
                starts[v + 1] = starts[v] + views[v].Keys.Length + Room(views[v].Keys.Length);
            }
        }

        return previous._narrow is not null && starts[^1] > NarrowBuckets ? null : starts;
    }

    /// <summary>
    /// Rows [from, to)'s buckets into <paramref name="entries"/>, and where each row ends into <paramref name="ends"/>
    /// (counted on from <paramref name="first"/>, the entries before them); returns how many entries.
    /// </summary>
    private static int Fill<T>(List<FacetView> views, int[] starts, int from, int to, Span<int> ends, T[] entries, int first)
        where T : unmanaged, IBinaryInteger<T>
    {
        var count = 0;
        for (var rowid = from; rowid < to; rowid++)
        {
            for (var v = 0; v < views.Count; v++)
            {
                var view = views[v];
                var start = count;
                foreach (var ordinal in view.Dimension.OrdinalsOf(rowid))
                {
                    var bucket = view.BucketOf[ordinal];
                    if (bucket < 0)
                    {
                        continue;
                    }

                    // A document's values come in the order of their ids, so in a view of the values themselves a
                    // value named twice comes twice in a row; a bucketed view is checked against the few buckets of
                    // the document it has so far.
                    var entry = T.CreateTruncating(starts[v] + bucket);
                    var seen = view.IsIdentity
                        ? count > start && entries[count - 1] == entry
                        : entries.AsSpan(start, count - start).IndexOf(entry) >= 0;
                    if (!seen)
                    {
                        entries[count++] = entry;
                    }
                }
            }

            ends[rowid - from] = first + count;
        }

        return count;
    }

    /// <summary>
    /// The entries filled, as a store with room for the rows of later writes: copied into one with just that room when
    /// the bound left more than an eighth unused.
    /// </summary>
    private static GrowingArray<T> Kept<T>(T[] entries, int count)
        where T : unmanaged
    {
        if (count >= entries.Length - (entries.Length / 8))
        {
            return GrowingArray<T>.Pinned(entries, count);
        }

        var exact = GrowingArray<T>.PinnedWithRoom(count);
        entries.AsSpan(0, count).CopyTo(exact);
        return GrowingArray<T>.Pinned(exact, count);
    }

    // How many matches ahead a pass asks for buckets: 8 and 32 measured alike on a million documents.
    private const int Ahead = 16;

    /// <summary>Before a pass over docs[from..to): the first matches have no earlier ones to ask for them.</summary>
    public void PrefetchFirst(int[] docs, int from, int to)
    {
        for (var i = from; i < Math.Min(to, from + Ahead); i++)
        {
            PrefetchBuckets(docs[i]);
        }

        for (var i = from + Ahead; i < Math.Min(to, from + (2 * Ahead)); i++)
        {
            PrefetchOffset(docs[i]);
        }
    }

    /// <summary>While a pass is at docs[i]: where a later match's buckets are, then the buckets of a nearer one.</summary>
    public void PrefetchAhead(int[] docs, int i, int to)
    {
        if (i + (2 * Ahead) < to)
        {
            PrefetchOffset(docs[i + (2 * Ahead)]);
        }

        if (i + Ahead < to)
        {
            PrefetchBuckets(docs[i + Ahead]);
        }
    }

    /// <summary>Counts the buckets of docs[from..to), every one of them a live document.</summary>
    public void CountAll(Tally tally, int[] docs, int from, int to)
    {
        PrefetchFirst(docs, from, to);
        for (var i = from; i < to; i++)
        {
            PrefetchAhead(docs, i, to);
            CountInto(tally, docs[i]);
        }
    }

    /// <summary>Asks for the line that says where a document's buckets are: the first of two steps ahead of counting it.</summary>
    private void PrefetchOffset(int rowid)
    {
        if (Sse.IsSupported && (uint)rowid <= (uint)_rows)
        {
            Sse.Prefetch0(_offsetsAt + rowid);
        }
    }

    /// <summary>Asks for every cache line of a document's buckets (a long report names dozens of values).</summary>
    private void PrefetchBuckets(int rowid)
    {
        if (Sse.IsSupported && (uint)rowid < (uint)_rows)
        {
            var end = _bucketsAt + ((nint)_offsetsAt[rowid + 1] * _bucketSize);
            for (var line = (byte*)((nint)(_bucketsAt + ((nint)_offsetsAt[rowid] * _bucketSize)) & ~63); line < end; line += 64)
            {
                Sse.Prefetch0(line);
            }
        }
    }

    /// <summary>Counts a document's buckets.</summary>
    public void CountInto(Tally tally, long rowid)
    {
        if (rowid < _rows)
        {
            var (start, length) = (_rowStarts[rowid], _rowStarts[rowid + 1] - _rowStarts[rowid]);
            if (_narrowItems is not null)
            {
                tally.Add<ushort>(_narrowItems.AsSpan(start, length));
            }
            else
            {
                tally.Add<int>(_wideItems.AsSpan(start, length));
            }
        }
    }

    /// <summary>Counts only the document's buckets in [start, end): the views of the one filter it fails.</summary>
    public void CountInto(Tally tally, long rowid, int from, int to)
    {
        if (rowid < _rows)
        {
            var (start, length) = (_rowStarts[rowid], _rowStarts[rowid + 1] - _rowStarts[rowid]);
            if (_narrowItems is not null)
            {
                tally.Add<ushort>(_narrowItems.AsSpan(start, length), from, to);
            }
            else
            {
                tally.Add<int>(_wideItems.AsSpan(start, length), from, to);
            }
        }
    }

    /// <summary>The bucket range of a dimension's views, empty when it has none.</summary>
    public (int Start, int End) RangeOf(string dimension) => _dimensions.GetValueOrDefault(dimension);

    /// <summary>How many bucket entries <paramref name="documents"/> documents hold, on average.</summary>
    public long ExpectedEntries(int documents) => (long)documents * _entries / Math.Max(1, _rows);

    /// <summary>The number of buckets of every view together, with the room each view has for more.</summary>
    public int Count => _viewOf.Length;

    /// <summary>The bytes of one bucket number in a document's entries.</summary>
    internal int EntryBytes => _bucketSize;

    /// <summary>The store of every document's entries: the same object in the states extended from this one.</summary>
    internal object Entries => (object?)_narrow ?? _wide!;

    /// <summary>Per view, the first <paramref name="limit"/> of its best buckets as the values a result lists.</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Show(FacetTops tops, int limit)
    {
        var results = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        var reader = tops.Read();
        for (var v = 0; v < Views.Count; v++)
        {
            var view = Views[v];
            var values = reader.NextView();
            var list = new FacetCount[Math.Min(Math.Max(limit, 0), values)];
            for (var i = 0; i < values; i++)
            {
                var (b, count) = reader.NextValue();
                if (i < list.Length)
                {
                    list[i] = new FacetCount(view.Keys[b], view.Labels[b], count, view.LabelsFa[b]);
                }
            }

            results[view.Name] = list;
        }

        return results;
    }

    /// <summary>
    /// Counts for one pass. A dense tally only increments, and its touched buckets are found afterwards by scanning
    /// the counts: for a match set that holds more entries than there are buckets. Otherwise a list of what was
    /// touched is kept, so that a few matches never cost a read of every bucket.
    /// </summary>
    public Tally StartTally(bool dense) => new(this, _pool.Take() ?? new Scratch(_viewOf.Length), dense);

    /// <summary>
    /// The arrays of one tally, pooled whole: a count per bucket, and the touched buckets. Fresh lists grew by doubling
    /// on every search (a rare word's few dozen documents touch about a thousand buckets), which cost more than the
    /// counting itself.
    /// </summary>
    internal sealed class Scratch(int buckets)
    {
        public readonly int[] Counts = new int[buckets];
        public int[] Touched = new int[1024];
    }

    /// <summary>The counts of one search: the arrays come clean from the pool and go back clean.</summary>
    internal sealed class Tally(FacetBuckets buckets, Scratch scratch, bool dense)
    {
        private readonly int[] _counts = scratch.Counts;
        private int _touchedCount;

        // Dense: increments only; the touched list is filled from the counts when they are read or merged.
        private bool _dense = dense;

        public void Add<T>(ReadOnlySpan<T> documentBuckets)
            where T : unmanaged, IBinaryInteger<T>
        {
            // Bucket numbers come from this generation's own numbering, all below the counts' length.
            ref var first = ref MemoryMarshal.GetArrayDataReference(_counts);
            if (_dense)
            {
                foreach (var bucket in documentBuckets)
                {
                    Unsafe.Add(ref first, int.CreateTruncating(bucket))++;
                }

                return;
            }

            // Every bucket is written to the touched list and the list grows only past a first touch: no branch
            // on it, which a few dozen documents' buckets (mostly first touches, some not) would often mispredict.
            if (scratch.Touched.Length - _touchedCount < documentBuckets.Length)
            {
                Array.Resize(ref scratch.Touched, Math.Max(scratch.Touched.Length * 2, _touchedCount + documentBuckets.Length));
            }

            ref var touched = ref MemoryMarshal.GetArrayDataReference(scratch.Touched);
            var n = _touchedCount;
            foreach (var entry in documentBuckets)
            {
                var bucket = int.CreateTruncating(entry);
                ref var count = ref Unsafe.Add(ref first, bucket);
                Unsafe.Add(ref touched, n) = bucket;
                n += count == 0 ? 1 : 0;
                count++;
            }

            _touchedCount = n;
        }

        /// <summary>Counts only the document's buckets in [start, end): the views of the one filter it fails.</summary>
        public void Add<T>(ReadOnlySpan<T> documentBuckets, int start, int end)
            where T : unmanaged, IBinaryInteger<T>
        {
            foreach (var entry in documentBuckets)
            {
                var bucket = int.CreateTruncating(entry);
                if (bucket >= start && bucket < end && _counts[bucket]++ == 0 && !_dense)
                {
                    Touch(bucket);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Touch(int bucket)
        {
            if (_touchedCount == scratch.Touched.Length)
            {
                Array.Resize(ref scratch.Touched, scratch.Touched.Length * 2);
            }

            scratch.Touched[_touchedCount++] = bucket;
        }

        private ReadOnlySpan<int> Touched => scratch.Touched.AsSpan(0, _touchedCount);

        /// <summary>Lists the touched buckets of a dense tally, so that a merge sees one form (Top reads a dense tally as it is).</summary>
        private void Settle()
        {
            if (!_dense)
            {
                return;
            }

            _dense = false;
            if (scratch.Touched.Length < _counts.Length)
            {
                scratch.Touched = new int[_counts.Length];
            }

            // Eight counts at a time are compared with zero, and the nonzero ones' buckets taken from the mask. A
            // dense tally's matches hold at least as many entries as there are buckets (a word of the middle band
            // touches a seventh to three quarters of them at 1M), and looking for each next nonzero count
            // (IndexOfAnyExcept) cost 11-14 ns a touched bucket. 41,143 buckets in a loop of their own, p50 of 500
            // passes: 168 µs (a third touched) and 455 µs (nine tenths) before, 76 and 77 µs now. The touched list
            // was empty: a dense tally lists nothing while it counts.
            var (counts, touched) = (_counts, scratch.Touched);
            var n = 0;
            var b = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var first = ref MemoryMarshal.GetArrayDataReference(counts);
                for (; b + Vector256<int>.Count <= counts.Length; b += Vector256<int>.Count)
                {
                    var zero = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)b), Vector256<int>.Zero);
                    for (var bits = ~Vector256.ExtractMostSignificantBits(zero) & 0xFFu; bits != 0; bits &= bits - 1)
                    {
                        touched[n++] = b + BitOperations.TrailingZeroCount(bits);
                    }
                }
            }

            for (; b < counts.Length; b++)
            {
                touched[n] = b;
                n += counts[b] != 0 ? 1 : 0;
            }

            _touchedCount = n;
        }

        /// <summary>Adds another tally's counts to this one and gives the other's arrays back to the pool, clean.</summary>
        public void Merge(Tally other)
        {
            if (_dense && other._dense)
            {
                AddAndClear(other._counts);
                buckets._pool.Return(other.Scratch);
                return;
            }

            Settle();
            other.Settle();
            foreach (var bucket in other.Touched)
            {
                if (_counts[bucket] == 0)
                {
                    Touch(bucket);
                }

                _counts[bucket] += other._counts[bucket];
                other._counts[bucket] = 0;
            }

            other._touchedCount = 0;
            buckets._pool.Return(other.Scratch);
        }

        private Scratch Scratch => scratch;

        /// <summary>Gives the arrays of a tally that counted nothing back to the pool: they are still clean.</summary>
        public void Release() => buckets._pool.Return(scratch);

        /// <summary>
        /// Adds <paramref name="other"/> to these counts, eight at a time, and clears it: two dense halves stay one
        /// dense tally. Before, both tallies' counts were scanned for the buckets they touched (Settle), and the
        /// touched buckets of one were then added to the other one by one.
        /// </summary>
        private void AddAndClear(int[] other)
        {
            ref var into = ref MemoryMarshal.GetArrayDataReference(_counts);
            ref var from = ref MemoryMarshal.GetArrayDataReference(other);
            var b = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; b + Vector256<int>.Count <= other.Length; b += Vector256<int>.Count)
                {
                    var added = Vector256.LoadUnsafe(ref from, (nuint)b);
                    if (added != Vector256<int>.Zero)
                    {
                        (Vector256.LoadUnsafe(ref into, (nuint)b) + added).StoreUnsafe(ref into, (nuint)b);
                        Vector256<int>.Zero.StoreUnsafe(ref from, (nuint)b);
                    }
                }
            }

            for (; b < other.Length; b++)
            {
                Unsafe.Add(ref into, b) += Unsafe.Add(ref from, b);
                Unsafe.Add(ref from, b) = 0;
            }
        }

        /// <summary>Per view, its <paramref name="limit"/> largest buckets, most documents first, then by key.</summary>
        public Dictionary<string, IReadOnlyList<FacetCount>> Results(int limit) => buckets.Show(Top(limit), limit);

        /// <summary>
        /// Per view, its <paramref name="limit"/> largest buckets with their counts, in the order of the result; the
        /// arrays go back to the pool, clean. The first n of them are the n largest, as the order is total.
        /// </summary>
        /// <remarks>
        /// Each bucket counted is offered once to its view's heap of the best, and its count cleared as it goes: a
        /// dense tally's views are scanned range by range, eight counts at a time, and a noting tally's touched list is
        /// read once (sorting the touched buckets by view first, then ranking each view's, read each of them three
        /// times). A bucket is packed into one number that orders as the result must, count and then key order (its
        /// key's rank, from a table by bucket); most buckets of a large match set hold one document and are turned
        /// away by a single comparison with the weakest kept.
        /// </remarks>
        public FacetTops Top(int limit)
        {
            var views = buckets.Views.Count;
            var starts = buckets._starts;
            Span<int> heapAt = stackalloc int[views + 1];
            heapAt[0] = 0;
            for (var v = 0; v < views; v++)
            {
                heapAt[v + 1] = heapAt[v] + Math.Min(Math.Max(limit, 0), buckets.Views[v].Keys.Length);
            }

            var heaps = heapAt[views] <= 1024 ? stackalloc long[heapAt[views]] : new long[heapAt[views]];
            Span<int> sizes = stackalloc int[views];
            sizes.Clear();
            if (_dense)
            {
                for (var v = 0; v < views; v++)
                {
                    OfferRange(heaps[heapAt[v]..heapAt[v + 1]], ref sizes[v], starts[v], starts[v] + buckets.Views[v].Keys.Length);
                }
            }
            else
            {
                foreach (var bucket in Touched)
                {
                    var v = buckets._viewOf[bucket];
                    Offer(heaps[heapAt[v]..heapAt[v + 1]], ref sizes[v], bucket);
                    _counts[bucket] = 0;
                }
            }

            var room = FacetTops.MaxBytes(views, heapAt[views]);
            var writer = new FacetTops.Writer(room <= 8192 ? stackalloc byte[room] : new byte[room]);
            for (var v = 0; v < views; v++)
            {
                var heap = heaps.Slice(heapAt[v], sizes[v]);
                heap.Sort();
                writer.StartView(heap.Length);
                for (var i = heap.Length - 1; i >= 0; i--)
                {
                    var rank = int.MaxValue - (int)(heap[i] & 0xFFFFFFFF);
                    writer.Value(buckets._bucketAtKeyRank[starts[v] + rank] - starts[v], (int)(heap[i] >> 32));
                }
            }

            var tops = writer.ToTops();
            _touchedCount = 0;
            buckets._pool.Return(scratch);
            return tops;
        }

        /// <summary>Offers every nonzero count of buckets [start, end) to the view's heap, and clears it.</summary>
        private void OfferRange(Span<long> heap, ref int size, int start, int end)
        {
            ref var first = ref MemoryMarshal.GetArrayDataReference(_counts);
            var b = start;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; b + Vector256<int>.Count <= end; b += Vector256<int>.Count)
                {
                    var counts = Vector256.LoadUnsafe(ref first, (nuint)b);
                    if (counts == Vector256<int>.Zero)
                    {
                        continue;
                    }

                    // Once the heap is full only a count of at least its weakest can enter it (a smaller count packs
                    // below it, whatever its key): the eight are compared with that at once, and most buckets of a
                    // large match set, which hold a document or two, are never offered one by one.
                    var floor = size < heap.Length ? 0 : heap.Length == 0 ? int.MaxValue : (int)(heap[0] >> 32) - 1;
                    var bits = Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(counts, Vector256.Create(floor)));
                    for (; bits != 0; bits &= bits - 1)
                    {
                        Offer(heap, ref size, b + BitOperations.TrailingZeroCount(bits));
                    }

                    Vector256<int>.Zero.StoreUnsafe(ref first, (nuint)b);
                }
            }

            for (; b < end; b++)
            {
                if (_counts[b] != 0)
                {
                    Offer(heap, ref size, b);
                    _counts[b] = 0;
                }
            }
        }

        /// <summary>Offers one counted bucket to its view's heap of the best (smallest first), of at most heap.Length.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Offer(Span<long> heap, ref int size, int bucket)
        {
            var packed = ((long)_counts[bucket] << 32) | (uint)(int.MaxValue - buckets._keyRankOf[bucket]);
            if (size < heap.Length)
            {
                heap[size] = packed;
                SiftUp(heap, size++);
            }
            else if (heap.Length > 0 && packed > heap[0])
            {
                heap[0] = packed;
                SiftDown(heap, 0);
            }
        }

        /// <summary>Moves the item at <paramref name="i"/> up to its place in the heap (smallest first).</summary>
        private static void SiftUp(Span<long> heap, int i)
        {
            var item = heap[i];
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (heap[parent] <= item)
                {
                    break;
                }

                heap[i] = heap[parent];
                i = parent;
            }

            heap[i] = item;
        }

        /// <summary>Restores the heap order (smallest first) below position <paramref name="i"/>.</summary>
        private static void SiftDown(Span<long> heap, int i)
        {
            var item = heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= heap.Length)
                {
                    break;
                }

                if (child + 1 < heap.Length && heap[child + 1] < heap[child])
                {
                    child++;
                }

                if (heap[child] >= item)
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = item;
        }
    }
}
