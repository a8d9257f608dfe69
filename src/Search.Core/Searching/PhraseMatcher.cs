using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Finds the documents in which a phrase's terms stand at consecutive positions of one column. Each place in the
/// phrase is a slot: one term, or for a phrase that ends in a prefix, every term that starts with it. One cursor per
/// term walks its postings; the slots leapfrog to the documents that hold all of them, and only there are positions
/// decoded (those of other documents are stepped over in one addition: positions have a fixed width). A document
/// matches when some start position is followed by every slot. Nothing is allocated in proportion to the postings.
/// (Decoding each term's rowids into arrays first and intersecting them was tried: slower here, and it allocates.)
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>
    /// The matching rowids, ascending. The chunks of one flush hold one range of rowids for every term, so the flushes
    /// split into two runs of about equal size are matched at once, on two cores, and their results put end to end.
    /// </summary>
    public static int[] Match(IReadOnlyList<IReadOnlyList<TermChunks>> slots)
    {
        if (slots.Count == 0 || slots.Any(s => s.Count == 0))
        {
            return [];
        }

        var bytes = new SortedDictionary<long, long>();
        foreach (var term in slots.SelectMany(s => s))
        {
            for (var i = 0; i < term.Data.Count; i++)
            {
                bytes[term.Sequences[i]] = bytes.GetValueOrDefault(term.Sequences[i]) + term.Data[i].Length + term.Positions[i].Length;
            }
        }

        if (bytes.Count < 2 || Environment.ProcessorCount < 2)
        {
            return MatchChunks(slots);
        }

        // The first sequence number of the second run: where half the bytes to read have been passed.
        var half = bytes.Values.Sum() / 2;
        var passed = 0L;
        var split = bytes.Keys.Last();
        foreach (var (sequence, size) in bytes)
        {
            passed += size;
            if (passed >= half)
            {
                split = sequence + 1;
                break;
            }
        }

        IReadOnlyList<IReadOnlyList<TermChunks>> Part(long from, long to) =>
            [.. slots.Select(s => (IReadOnlyList<TermChunks>)[.. s.Select(t => t.Between(from, to)).Where(t => t.Data.Count > 0)])];

        var lower = Task.Run(() => MatchChunks(Part(long.MinValue, split)));
        var upper = MatchChunks(Part(split, long.MaxValue));
        return [.. lower.GetAwaiter().GetResult(), .. upper];
    }

    private static int[] MatchChunks(IReadOnlyList<IReadOnlyList<TermChunks>> slots)
    {
        if (slots.Any(s => s.Count == 0))
        {
            return [];
        }

        var cursors = slots.Select(s => s.Select(t => new TermCursor(t)).ToArray()).ToArray();
        var positions = slots.Select(_ => new Positions()).ToArray();
        var at = new int[slots.Count];
        var matched = new List<int>();
        long target = 0;
        while (true)
        {
            // Leapfrog: every slot moves to the target or past it; one past it sets a new target, until all agree.
            var agreed = true;
            for (var s = 0; s < cursors.Length; s++)
            {
                var doc = MoveTo(cursors[s], target);
                if (doc == long.MaxValue)
                {
                    return [.. matched];
                }

                if (doc > target)
                {
                    target = doc;
                    agreed = s == 0;
                    if (!agreed)
                    {
                        break;
                    }
                }
            }

            if (!agreed)
            {
                continue;
            }

            for (var s = 0; s < cursors.Length; s++)
            {
                var slot = positions[s];
                slot.Clear();
                foreach (var cursor in cursors[s])
                {
                    if (cursor.Doc == target)
                    {
                        cursor.AddPositions(slot);
                    }
                }

                if (cursors[s].Length > 1)
                {
                    slot.Sort();
                }
            }

            if (Follows(positions, at))
            {
                matched.Add((int)target);
            }

            target++;
        }
    }

    /// <summary>Moves every term of a slot to its first document at or after the target; the lowest of them.</summary>
    private static long MoveTo(TermCursor[] slot, long target)
    {
        if (slot.Length == 1)
        {
            return slot[0].MoveTo(target);
        }

        var lowest = long.MaxValue;
        foreach (var cursor in slot)
        {
            lowest = Math.Min(lowest, cursor.MoveTo(target));
        }

        return lowest;
    }

    /// <summary>Whether some position p of the first slot has p + i among the positions of every slot i.</summary>
    private static bool Follows(Positions[] positions, int[] at)
    {
        var first = positions[0];
        Array.Clear(at);
        for (var i = 0; i < first.Count; i++)
        {
            var start = first.Items[i];
            var all = true;
            for (var s = 1; s < positions.Length && all; s++)
            {
                var slot = positions[s];
                var items = slot.Items;
                var wanted = start + s;
                // Starts ascend, so each slot's search resumes where the last one stopped.
                var j = at[s];
                while (j < slot.Count && items[j] < wanted)
                {
                    j++;
                }

                at[s] = j;
                all = j < slot.Count && items[j] == wanted;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Walks one term's chunks in order, document by document: a document's positions are decoded when asked for and
    /// stepped over otherwise.
    /// </summary>
    private sealed class TermCursor(TermChunks chunks)
    {
        private int _chunk = -1;
        private int _remaining; // documents left in the current chunk after the current one
        private int _data;
        private int _pos;
        private int _width; // bytes per position in the current chunk
        private long _doc = -1;
        private int _frequency;
        private bool _positionsRead = true; // the current document's positions were read, or there is none

        /// <summary>The current document; long.MaxValue past the last.</summary>
        public long Doc => _doc;

        /// <summary>Moves to the first document at or after <paramref name="target"/> and returns it (long.MaxValue: none).</summary>
        public long MoveTo(long target)
        {
            if (_doc >= target)
            {
                return _doc;
            }

            // The walk runs on locals, written back once: fields would be loaded and stored at every document.
            var doc = _doc;
            var d = _data;
            var remaining = _remaining;
            var pos = _pos;
            var frequency = _frequency;
            var width = _width;
            var data = _chunk >= 0 ? chunks.Data[_chunk] : [];
            if (!_positionsRead)
            {
                pos += frequency * width;
            }

            while (true)
            {
                if (remaining == 0)
                {
                    if (++_chunk >= chunks.Data.Count)
                    {
                        _doc = long.MaxValue;
                        _positionsRead = true;
                        return _doc;
                    }

                    // Rowids are deltas from 0 in every chunk, and chunks in sequence order ascend.
                    data = chunks.Data[_chunk];
                    d = 0;
                    remaining = (int)Varint.Read(data, ref d);
                    doc = 0;
                    width = chunks.Positions[_chunk][0];
                    pos = 1;
                }

                doc += (long)Varint.Read(data, ref d);
                frequency = (int)Varint.Read(data, ref d);
                remaining--;
                if (doc >= target)
                {
                    break;
                }

                pos += frequency * width;
            }

            _doc = doc;
            _data = d;
            _remaining = remaining;
            _pos = pos;
            _frequency = frequency;
            _width = width;
            _positionsRead = false;
            return doc;
        }

        /// <summary>Adds the current document's positions to <paramref name="into"/>, ascending.</summary>
        public void AddPositions(Positions into)
        {
            var bytes = chunks.Positions[_chunk].AsSpan(_pos, _frequency * _width);
            var items = into.Reserve(_frequency);
            var n = into.Count;
            var position = 0;
            if (_width == 2)
            {
                foreach (var gap in MemoryMarshal.Cast<byte, ushort>(bytes))
                {
                    position += BitConverter.IsLittleEndian ? gap : BinaryPrimitives.ReverseEndianness(gap);
                    items[n++] = position;
                }
            }
            else
            {
                foreach (var gap in MemoryMarshal.Cast<byte, int>(bytes))
                {
                    position += BitConverter.IsLittleEndian ? gap : BinaryPrimitives.ReverseEndianness(gap);
                    items[n++] = position;
                }
            }

            into.Count = n;
            _pos += bytes.Length;
            _positionsRead = true;
        }
    }

    /// <summary>The positions of one slot in the current document: a buffer reused from document to document.</summary>
    private sealed class Positions
    {
        public int[] Items { get; private set; } = new int[16];

        public int Count { get; set; }

        public void Clear() => Count = 0;

        /// <summary>Room for <paramref name="more"/> positions after the current ones; the buffer to write them to.</summary>
        public int[] Reserve(int more)
        {
            if (Count + more > Items.Length)
            {
                var grown = new int[Math.Max(Items.Length * 2, Count + more)];
                Items.AsSpan(0, Count).CopyTo(grown);
                Items = grown;
            }

            return Items;
        }

        public void Sort() => Array.Sort(Items, 0, Count);
    }
}
