using Microsoft.Data.Sqlite;

namespace Search.Core.Indexing;

/// <summary>
/// Collects the postings of documents as they are written (per column and term: the documents that hold the term and
/// how often) and writes them as one chunk per term to the postings table. A chunk is a varint count, then a
/// (rowid delta, frequency) varint pair per document, rowids ascending; every chunk of a flush carries the same
/// sequence number, so chunks read in sequence order list rowids in ascending order, and a reader that stops at the
/// sequence it opened with sees exactly the documents that were there when it opened.
/// </summary>
internal sealed class PostingsBuffer
{
    /// <summary>Columns of the FTS5 table, in its order; the postings use the same numbers.</summary>
    public static readonly string[] Columns = ["title", "body", "tags"];

    private const int EntryOverhead = 48; // what the dictionary and the list object cost per term, roughly

    // Per column, each term's buffer; looked up by the characters of a token, so a term already seen costs no string.
    private readonly Dictionary<string, TermBuffer>[] _terms = [.. Columns.Select(_ => new Dictionary<string, TermBuffer>(StringComparer.Ordinal))];
    private readonly Dictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private readonly List<(int Start, int Length)> _ranges = [];

    /// <summary>Roughly how many bytes the buffer holds.</summary>
    public long Size { get; private set; }

    public bool IsEmpty => _terms.All(t => t.Count == 0);

    public void Add(long rowid, int column, string terms)
    {
        _frequencies.Clear();
        var frequencies = _frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffers = _terms[column].GetAlternateLookup<ReadOnlySpan<char>>();
        _ranges.Clear();
        _ranges.AddRange(FtsTokens.Ranges(terms));
        foreach (var (start, length) in _ranges)
        {
            var token = terms.AsSpan(start, length);
            if (FtsTokens.NeedsFolding(token))
            {
                var folded = FtsTokens.Fold(token);
                _frequencies[folded] = _frequencies.GetValueOrDefault(folded) + 1;
            }
            else
            {
                frequencies[token] = frequencies.TryGetValue(token, out var n) ? n + 1 : 1;
            }
        }

        foreach (var (term, frequency) in _frequencies)
        {
            if (!buffers.TryGetValue(term, out var buffer))
            {
                buffer = new TermBuffer();
                _terms[column][term] = buffer;
                Size += EntryOverhead + (term.Length * 2);
            }

            Size += buffer.Append(rowid, frequency);
        }
    }

    /// <summary>Writes one chunk per term with sequence number <paramref name="sequence"/> and empties the buffer.</summary>
    public void Flush(SqliteCommand insert, long sequence)
    {
        var column = insert.Parameters["$c"];
        var term = insert.Parameters["$t"];
        insert.Parameters["$s"].Value = sequence;
        var data = insert.Parameters["$d"];
        for (var c = 0; c < _terms.Length; c++)
        {
            foreach (var (t, buffer) in _terms[c])
            {
                column.Value = c;
                term.Value = t;
                data.Value = buffer.ToChunk();
                insert.ExecuteNonQuery();
            }

            _terms[c].Clear();
        }

        Size = 0;
    }

    private sealed class TermBuffer
    {
        private byte[] _bytes = new byte[16];
        private int _length;
        private long _last;
        private int _count;

        /// <summary>Appends one document; returns how many bytes the buffer grew by.</summary>
        public int Append(long rowid, int frequency)
        {
            var before = _bytes.Length;
            if (_length + 20 > _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            _length += Varint.Write(_bytes.AsSpan(_length), (ulong)(rowid - _last));
            _length += Varint.Write(_bytes.AsSpan(_length), (ulong)frequency);
            _last = rowid;
            _count++;
            return _bytes.Length - before;
        }

        public byte[] ToChunk()
        {
            Span<byte> header = stackalloc byte[10];
            var headerLength = Varint.Write(header, (ulong)_count);
            var chunk = new byte[headerLength + _length];
            header[..headerLength].CopyTo(chunk);
            _bytes.AsSpan(0, _length).CopyTo(chunk.AsSpan(headerLength));
            return chunk;
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

    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong value = 0;
        var shift = 0;
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
}
