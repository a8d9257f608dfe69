using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Search.Core.Analysis;

namespace Search.Core.Indexing;

/// <summary>
/// Collects the postings of documents as they are written (per column and term: the documents that hold the term, how
/// often, and at which positions) and writes them as one chunk per term to the postings table. A chunk is two blobs:
/// data, a varint count, then a (rowid delta, frequency) varint pair per document, rowids ascending; and pos, a width
/// byte (2 or 4) and then, for the same documents in the same order, each one's positions (the first as it is, the
/// others as the gap from the one before), as many as its frequency, each a little-endian integer of that width. A
/// position is the index of the term among its column's terms. Positions have a fixed width, unlike the rest, because
/// a phrase query passes over the positions of every document it does not match: with a fixed width that is one
/// addition (frequency × width), and decoding is a load instead of a mispredicted branch per varint. Two bytes hold
/// every gap below 65,535; a chunk with a larger one (a text of more than 65,535 terms) is written four bytes wide. Every chunk of a
/// flush carries the same sequence number, so chunks read in sequence order list rowids in ascending order, and a
/// reader that stops at the sequence it opened with sees exactly the documents that were there when it opened.
/// </summary>
internal sealed class PostingsBuffer
{
    /// <summary>The full-text columns; the postings' column numbers are indexes into this.</summary>
    public static readonly string[] Columns = ["title", "body", "tags"];

    private const int EntryOverhead = 64; // what the buffer objects cost per term, roughly

    // Per column, each term's buffer by the term's number (TermNumbers), and the numbers in the order they came, which
    // is the order the flush writes them in. Until the seventh round the buffers were in a dictionary per column,
    // looked up by the characters of each token: hashing them and comparing the key was a tenth of a build's CPU.
    private readonly TermBuffer?[][] _terms = [.. Columns.Select(_ => new TermBuffer?[1024])];
    private readonly List<int>[] _order = [.. Columns.Select(_ => new List<int>())];
    private readonly List<TermBuffer> _touched = [];

    // Every term's bytes live in slices of one arena of blocks, and the term buffers themselves are reused: between
    // two flushes nothing the buffer holds is copied or dropped, and after a flush the blocks and buffers serve again.
    // Each term had its own arrays before, doubled as they grew, which left everything outgrown behind as garbage that
    // had lived long; with this and the bounded analysis pipeline, the collector's pauses in a build of 100,000
    // documents went from 3.2 s to 1.2 s (docs/performance.md).
    private readonly SliceArena _arena = new();
    private readonly Stack<TermBuffer> _spare = new();
    private int _termCount;

    // Where a chunk is put together for binding: a term's slices copied one after the other.
    private byte[] _chunk = new byte[1 << 16];

    /// <summary>Roughly how many bytes the buffer holds.</summary>
    public long Size => _arena.Used + ((long)_termCount * EntryOverhead);

    public bool IsEmpty => _termCount == 0;

    /// <summary>Adds one column of one document: <paramref name="terms"/> are its terms' numbers (TermNumbers), in order.</summary>
    public void Add(long rowid, int column, IReadOnlyList<int> terms)
    {
        var buffers = _terms[column];
        for (var position = 0; position < terms.Count; position++)
        {
            var number = terms[position];
            if (number >= buffers.Length)
            {
                Array.Resize(ref _terms[column], Math.Max(number + 1, buffers.Length * 2));
                buffers = _terms[column];
            }

            var buffer = buffers[number] ?? NewTerm(column, number);
            if (buffer.AddPosition(rowid, position))
            {
                _touched.Add(buffer);
            }
        }

        foreach (var buffer in _touched)
        {
            buffer.EndDocument();
        }

        _touched.Clear();
    }

    /// <summary>How many terms the buffer holds, of every column.</summary>
    public int TermCount => _termCount;

    /// <summary>
    /// Writes one chunk per term with sequence number <paramref name="sequence"/> and empties the buffer; each term
    /// written goes into <paramref name="written"/>, when given.
    /// </summary>
    public void Flush(RawStatement insert, long sequence, HashSet<(int Column, string Term)>? written = null)
    {
        insert.Bind(3, sequence);
        for (var c = 0; c < _terms.Length; c++)
        {
            insert.Bind(1, c);
            foreach (var number in _order[c])
            {
                var buffer = _terms[c][number]!;
                var term = TermNumbers.Term(number);
                written?.Add((c, term));
                insert.Bind(2, term);
                insert.Bind(4, buffer.Count);
                insert.Bind(5, buffer.DataChunk(ref _chunk));
                insert.Bind(6, buffer.PositionsChunk(ref _chunk));
                insert.Execute();
                _spare.Push(buffer);
                _terms[c][number] = null;
            }

            _order[c].Clear();
        }

        _termCount = 0;
        _arena.Reset();
    }

    private TermBuffer NewTerm(int column, int number)
    {
        var buffer = _spare.TryPop(out var spare) ? spare : new TermBuffer();
        buffer.Start(_arena);
        _terms[column][number] = buffer;
        _order[column].Add(number);
        _termCount++;
        return buffer;
    }

    /// <summary>
    /// Blocks of 64 KB (below the large object heap), handed out in slices; kept when the buffer is emptied, so that a
    /// build allocates its blocks once. An address is a block's index times the block size plus an offset.
    /// </summary>
    private sealed class SliceArena
    {
        public const int BlockSize = 1 << 16;

        private readonly List<byte[]> _blocks = [];
        private int _block = -1;
        private int _offset = BlockSize;

        /// <summary>Bytes handed out since the last reset, counting whole blocks begun.</summary>
        public long Used => (long)(_block + 1) * BlockSize;

        public byte[] Block(int address) => _blocks[address >> 16];

        /// <summary>A slice of <paramref name="size"/> bytes (at most a block) within one block; its address.</summary>
        public int Allocate(int size)
        {
            if (_offset + size > BlockSize)
            {
                _block++;
                if (_block == _blocks.Count)
                {
                    _blocks.Add(new byte[BlockSize]);
                }

                _offset = 0;
            }

            var address = (_block * BlockSize) + _offset;
            _offset += size;
            return address;
        }

        public void Reset()
        {
            _block = -1;
            _offset = BlockSize;
        }
    }

    /// <summary>
    /// A stream of bytes written into slices of the arena: each slice ends with the address of the next, and slices grow
    /// (16 bytes, then doubling up to 16 KB), so a rare term takes a few bytes and a common one few slices.
    /// </summary>
    private struct SliceStream
    {
        private const int Link = 4;
        private const int MaxLevel = 10;

        private int _first;
        private int _write;
        private int _end;
        private int _level;

        public int Length { get; private set; }

        private static int SizeOf(int level) => 16 << Math.Min(level, MaxLevel);

        public void Start(SliceArena arena)
        {
            _level = 0;
            _first = _write = arena.Allocate(SizeOf(0));
            _end = _first + SizeOf(0) - Link;
            Length = 0;
        }

        /// <summary>Room for <paramref name="count"/> bytes at once, when the current slice has it.</summary>
        public Span<byte> Reserve(SliceArena arena, int count)
        {
            if (_write + count > _end)
            {
                return default;
            }

            var span = arena.Block(_write).AsSpan(_write & (SliceArena.BlockSize - 1), count);
            _write += count;
            Length += count;
            return span;
        }

        public void Write(SliceArena arena, ReadOnlySpan<byte> bytes)
        {
            var room = Reserve(arena, bytes.Length);
            if (!room.IsEmpty || bytes.IsEmpty)
            {
                bytes.CopyTo(room);
                return;
            }

            foreach (var b in bytes)
            {
                if (_write == _end)
                {
                    // The slice is full: the next one, larger, and its address in the link at this one's end.
                    _level++;
                    var size = SizeOf(_level);
                    var next = arena.Allocate(size);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(arena.Block(_end).AsSpan(_end & (SliceArena.BlockSize - 1), Link), next);
                    _write = next;
                    _end = next + size - Link;
                }

                arena.Block(_write)[_write & (SliceArena.BlockSize - 1)] = b;
                _write++;
                Length++;
            }
        }

        /// <summary>Copies the stream, slice by slice, to <paramref name="destination"/>.</summary>
        public readonly void CopyTo(SliceArena arena, Span<byte> destination)
        {
            var address = _first;
            var level = 0;
            var copied = 0;
            while (copied < Length)
            {
                var payload = SizeOf(level) - Link;
                var take = Math.Min(payload, Length - copied);
                arena.Block(address).AsSpan(address & (SliceArena.BlockSize - 1), take).CopyTo(destination[copied..]);
                copied += take;
                if (copied < Length)
                {
                    address = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(arena.Block(address).AsSpan((address & (SliceArena.BlockSize - 1)) + payload, Link));
                    level++;
                }
            }
        }
    }

    private sealed class TermBuffer
    {
        private SliceArena _arena = null!;
        private SliceStream _docs;
        private SliceStream _positions;
        private long _lastDoc;

        // The document whose positions are being added, how many it has so far, and the last one.
        private long _current;
        private int _frequency;
        private int _lastPosition;
        private bool _wide; // a gap of 0xFFFF or more was written, escaped (see AddPosition)

        public int Count { get; private set; }

        /// <summary>Makes the buffer empty, writing into <paramref name="arena"/>: a new term's, or a reused one's.</summary>
        public void Start(SliceArena arena)
        {
            _arena = arena;
            _docs.Start(arena);
            _positions.Start(arena);
            _lastDoc = 0;
            _current = -1;
            _frequency = 0;
            _lastPosition = 0;
            _wide = false;
            Count = 0;
        }

        /// <summary>Adds one position of the term in document <paramref name="rowid"/>; true when it is the document's first.</summary>
        public bool AddPosition(long rowid, int position)
        {
            var first = rowid != _current;
            if (first)
            {
                _current = rowid;
                _frequency = 0;
                _lastPosition = 0;
            }

            // Two bytes a gap while buffered; a larger gap is 0xFFFF and then four bytes, and the chunk is widened. A
            // gap that fits the slice is written in place: most do, and the copy through a scratch span was a
            // measurable part of the writer's time (docs/performance.md, sixth round).
            var gap = position - _lastPosition;
            if (gap < 0xFFFF && _positions.Reserve(_arena, 2) is { IsEmpty: false } room)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(room, (ushort)gap);
            }
            else
            {
                WriteGap(gap);
            }

            _lastPosition = position;
            _frequency++;
            return first;
        }

        /// <summary>Writes the current document's entry: in place when the slice has room, as it mostly has.</summary>
        public void EndDocument()
        {
            var delta = (ulong)(_current - _lastDoc);
            var frequency = (ulong)_frequency;
            var length = Varint.Length(delta) + Varint.Length(frequency);
            if (_docs.Reserve(_arena, length) is { IsEmpty: false } room)
            {
                Varint.Write(room[Varint.Write(room, delta)..], frequency);
            }
            else
            {
                Span<byte> entry = stackalloc byte[20];
                Varint.Write(entry[Varint.Write(entry, delta)..], frequency);
                _docs.Write(_arena, entry[..length]);
            }

            _lastDoc = _current;
            Count++;
        }

        private void WriteGap(int gap)
        {
            Span<byte> bytes = stackalloc byte[6];
            var length = 2;
            if (gap < 0xFFFF)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)gap);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes, 0xFFFF);
                BinaryPrimitives.WriteInt32LittleEndian(bytes[2..], gap);
                length = 6;
                _wide = true;
            }

            _positions.Write(_arena, bytes[..length]);
        }

        /// <summary>The data blob: the count, then the (rowid delta, frequency) pairs. Valid until the next chunk.</summary>
        public ReadOnlySpan<byte> DataChunk(ref byte[] chunk)
        {
            Grow(ref chunk, 10 + _docs.Length);
            var header = Varint.Write(chunk, (ulong)Count);
            _docs.CopyTo(_arena, chunk.AsSpan(header));
            return chunk.AsSpan(0, header + _docs.Length);
        }

        /// <summary>The pos blob: the width byte, then the positions at that width. Valid until the next chunk.</summary>
        public ReadOnlySpan<byte> PositionsChunk(ref byte[] chunk)
        {
            Grow(ref chunk, 1 + (_positions.Length * 2));
            _positions.CopyTo(_arena, chunk.AsSpan(1));
            if (!_wide)
            {
                chunk[0] = 2;
                return chunk.AsSpan(0, 1 + _positions.Length);
            }

            // Four bytes a position, rewritten from the escaped two-byte gaps (rare: a text of more than 65,535 terms).
            var escaped = chunk.AsSpan(1, _positions.Length).ToArray();
            var wide = new List<byte>(1 + (escaped.Length * 2)) { 4 };
            Span<byte> four = stackalloc byte[4];
            for (var i = 0; i < escaped.Length;)
            {
                int gap = BinaryPrimitives.ReadUInt16LittleEndian(escaped.AsSpan(i));
                i += 2;
                if (gap == 0xFFFF)
                {
                    gap = BinaryPrimitives.ReadInt32LittleEndian(escaped.AsSpan(i));
                    i += 4;
                }

                BinaryPrimitives.WriteInt32LittleEndian(four, gap);
                wide.AddRange(four);
            }

            return wide.ToArray();
        }

        private static void Grow(ref byte[] chunk, int size)
        {
            if (chunk.Length < size)
            {
                chunk = new byte[Math.Max(size, chunk.Length * 2)];
            }
        }
    }
}

/// <summary>Unsigned LEB128 varints: 7 bits a byte, low bits first, the high bit set on every byte but the last.</summary>
public static class Varint
{
    /// <summary>How many bytes <see cref="Write"/> takes for <paramref name="value"/>.</summary>
    public static int Length(ulong value) => (70 - System.Numerics.BitOperations.LeadingZeroCount(value | 1)) / 7;

    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    // Varints of postings are mostly one or two bytes, mixed at random (a position's gap, a rowid gap): a branch on
    // the length would be mispredicted half the time, which costs more than the decoding. Up to two bytes are
    // decoded without a branch on the length; longer ones (values from 16,384) take the loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        var p = position;
        uint b0 = source[p];
        if (p + 1 < source.Length)
        {
            uint b1 = source[p + 1];
            var more = b0 >> 7;
            if ((b0 & b1 & 0x80) == 0)
            {
                position = p + 1 + (int)more;
                return (b0 & 0x7F) | (((b1 & 0x7F) << 7) * more);
            }
        }

        position = p + 1;
        return b0 < 0x80 ? b0 : ReadMore(source, ref position, (byte)b0);
    }

    private static ulong ReadMore(ReadOnlySpan<byte> source, ref int position, byte first)
    {
        ulong value = (ulong)(first & 0x7F);
        var shift = 7;
        while (true)
        {
            var b = source[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    /// <summary>Moves past <paramref name="count"/> varints: each ends at a byte below 0x80.</summary>
    public static void Skip(ReadOnlySpan<byte> source, ref int position, int count)
    {
        var i = position;
        while (count > 0)
        {
            // Without a branch on the byte: every byte below 0x80 ends a varint.
            count -= (source[i++] >> 7) ^ 1;
        }

        position = i;
    }
}
