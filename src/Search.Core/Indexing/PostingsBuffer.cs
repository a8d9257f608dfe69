using System.Buffers.Binary;
using System.Runtime.CompilerServices;

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

    private const int EntryOverhead = 64; // what the dictionary and the buffer objects cost per term, roughly

    // Per column, each term's buffer; looked up by the characters of a token, so a term already seen costs no string.
    private readonly Dictionary<string, TermBuffer>[] _terms = [.. Columns.Select(_ => new Dictionary<string, TermBuffer>(StringComparer.Ordinal))];
    private readonly List<TermBuffer> _touched = [];

    /// <summary>Roughly how many bytes the buffer holds.</summary>
    public long Size { get; private set; }

    public bool IsEmpty => _terms.All(t => t.Count == 0);

    /// <summary>Adds one column of one document: <paramref name="tokens"/> are the ranges of its terms in <paramref name="text"/>.</summary>
    public void Add(long rowid, int column, string text, List<(int Start, int Length)> tokens)
    {
        var terms = _terms[column];
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var position = 0; position < tokens.Count; position++)
        {
            var (start, length) = tokens[position];
            var token = text.AsSpan(start, length);
            TermBuffer? buffer;
            if (FtsTokens.NeedsFolding(token))
            {
                var folded = FtsTokens.Fold(token);
                if (!terms.TryGetValue(folded, out buffer))
                {
                    buffer = NewTerm(terms, folded);
                }
            }
            else if (!lookup.TryGetValue(token, out buffer))
            {
                buffer = NewTerm(terms, token.ToString());
            }

            if (buffer.AddPosition(rowid, position))
            {
                _touched.Add(buffer);
            }
        }

        foreach (var buffer in _touched)
        {
            Size += buffer.EndDocument();
        }

        _touched.Clear();
    }

    /// <summary>Writes one chunk per term with sequence number <paramref name="sequence"/> and empties the buffer.</summary>
    public void Flush(RawStatement insert, long sequence)
    {
        insert.Bind(3, sequence);
        for (var c = 0; c < _terms.Length; c++)
        {
            insert.Bind(1, c);
            foreach (var (t, buffer) in _terms[c])
            {
                insert.Bind(2, t);
                insert.Bind(4, buffer.Count);
                insert.Bind(5, buffer.DataChunk());
                insert.Bind(6, buffer.PositionsChunk());
                insert.Execute();
            }

            _terms[c].Clear();
        }

        Size = 0;
    }

    private TermBuffer NewTerm(Dictionary<string, TermBuffer> terms, string term)
    {
        var buffer = new TermBuffer();
        terms[term] = buffer;
        Size += EntryOverhead + (term.Length * 2);
        return buffer;
    }

    private sealed class TermBuffer
    {
        // Room before the entries for the chunk's header (the count as a varint; the width byte), written at the
        // flush, so that a chunk is a span of the buffer and never copied to be bound.
        private const int DocsHeader = 5;
        private const int PositionsHeader = 1;

        private byte[] _docs = new byte[16];
        private byte[] _positions = new byte[16];
        private int _docsLength = DocsHeader;
        private int _positionsLength = PositionsHeader;
        private long _lastDoc;
        private int _accounted = 32;

        // The document whose positions are being added, how many it has so far, and the last one.
        private long _current = -1;
        private int _frequency;
        private int _lastPosition;
        private bool _wide; // a gap of 0xFFFF or more was written, escaped (see AddPosition)

        public int Count { get; private set; }

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

            if (_positionsLength + 6 > _positions.Length)
            {
                Array.Resize(ref _positions, _positions.Length * 2);
            }

            // Two bytes a gap while buffered; a larger gap is 0xFFFF and then four bytes, and the chunk is widened.
            var gap = position - _lastPosition;
            if (gap < 0xFFFF)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_positions.AsSpan(_positionsLength), (ushort)gap);
                _positionsLength += 2;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_positions.AsSpan(_positionsLength), 0xFFFF);
                BinaryPrimitives.WriteInt32LittleEndian(_positions.AsSpan(_positionsLength + 2), gap);
                _positionsLength += 6;
                _wide = true;
            }

            _lastPosition = position;
            _frequency++;
            return first;
        }

        /// <summary>Writes the current document's entry; returns how many bytes the buffer grew by since the last call.</summary>
        public int EndDocument()
        {
            if (_docsLength + 20 > _docs.Length)
            {
                Array.Resize(ref _docs, _docs.Length * 2);
            }

            _docsLength += Varint.Write(_docs.AsSpan(_docsLength), (ulong)(_current - _lastDoc));
            _docsLength += Varint.Write(_docs.AsSpan(_docsLength), (ulong)_frequency);
            _lastDoc = _current;
            Count++;
            var size = _docs.Length + _positions.Length;
            var grown = size - _accounted;
            _accounted = size;
            return grown;
        }

        /// <summary>The data blob: the count, then the (rowid delta, frequency) pairs. Valid until the buffer changes.</summary>
        public ReadOnlySpan<byte> DataChunk()
        {
            Span<byte> header = stackalloc byte[DocsHeader];
            var headerLength = Varint.Write(header, (ulong)Count);
            var start = DocsHeader - headerLength;
            header[..headerLength].CopyTo(_docs.AsSpan(start));
            return _docs.AsSpan(start, _docsLength - start);
        }

        /// <summary>The pos blob: the width byte, then the positions at that width. Valid until the buffer changes.</summary>
        public ReadOnlySpan<byte> PositionsChunk()
        {
            if (!_wide)
            {
                _positions[0] = 2;
                return _positions.AsSpan(0, _positionsLength);
            }

            var wide = new List<byte>(1 + (_positionsLength * 2)) { 4 };
            Span<byte> four = stackalloc byte[4];
            for (var i = PositionsHeader; i < _positionsLength;)
            {
                int gap = BinaryPrimitives.ReadUInt16LittleEndian(_positions.AsSpan(i));
                i += 2;
                if (gap == 0xFFFF)
                {
                    gap = BinaryPrimitives.ReadInt32LittleEndian(_positions.AsSpan(i));
                    i += 4;
                }

                BinaryPrimitives.WriteInt32LittleEndian(four, gap);
                wide.AddRange(four);
            }

            return wide.ToArray();
        }
    }
}

/// <summary>Unsigned LEB128 varints: 7 bits a byte, low bits first, the high bit set on every byte but the last.</summary>
public static class Varint
{
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
