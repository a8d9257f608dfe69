using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Reads the postings of one generation as they were when it was opened: chunks up to the sequence number it was
/// opened at (the snapshot it reads in guarantees that too; the bound keeps any other connection honest).
/// </summary>
internal sealed class PostingsReader(long sequence) : IDisposable
{
    // Statements prepared once and reused: preparing one costs as much as a short read, and a phrase makes six reads.
    // Callers hold the connection (Snapshot.Read), so one query at a time uses them.
    private readonly KeptCommands _commands = new();

    public void Dispose() => _commands.Dispose();

    /// <summary>The last sequence number this reader reads.</summary>
    public long Sequence => sequence;

    /// <summary>A prefix with more expansions than this matches its documents alike, without scoring each term.</summary>
    public const int MaxPrefixExpansions = 512;

    public static PostingList Decode(List<byte[]> chunks) => chunks.Count == 0 ? PostingList.Empty : PostingList.Decode(chunks);

    /// <summary>The stored chunks of a term, in sequence order, not yet decoded.</summary>
    public List<byte[]> ReadChunks(SqliteConnection connection, int column, string term)
    {
        var chunks = new List<byte[]>();
        {
            var command = Term(connection, "SELECT data FROM postings WHERE col = $c AND term = $t AND seq <= $s ORDER BY seq", column, term);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                chunks.Add((byte[])reader.GetValue(0));
            }
        }

        return chunks;
    }

    /// <summary>The stored chunks of a term with its positions, in sequence order, not yet decoded.</summary>
    public TermChunks ReadChunksWithPositions(SqliteConnection connection, int column, string term)
    {
        var chunks = new TermChunks();
        var command = Term(connection, "SELECT data, pos, seq FROM postings WHERE col = $c AND term = $t AND seq <= $s ORDER BY seq", column, term);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            chunks.Add((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), reader.GetInt64(2));
        }

        return chunks;
    }

    /// <summary>
    /// The documents that hold any term of a column starting with <paramref name="prefix"/>, ascending, each once:
    /// one pass over the prefix's rows, decoded as they are read into a bitmap of <paramref name="rows"/> rowids; only
    /// those <paramref name="live"/> marks, when it is given.
    /// </summary>
    public int[] DocumentsWithPrefix(SqliteConnection connection, int column, string prefix, int rows, bool[]? live)
    {
        var seen = new bool[rows];
        var count = 0;
        {
            var command = Prefix(connection, "SELECT data FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s", column, prefix);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var data = (byte[])reader.GetValue(0);
                var position = 0;
                var n = (int)Varint.Read(data, ref position);
                long doc = 0;
                for (var i = 0; i < n; i++)
                {
                    doc += (long)Varint.Read(data, ref position);
                    Varint.Skip(data, ref position, 1);
                    if (doc < rows && !seen[doc] && (live is null || live[doc]))
                    {
                        seen[doc] = true;
                        count++;
                    }
                }
            }
        }

        var docs = new int[count];
        var at = 0;
        for (var doc = 0; doc < rows && at < count; doc++)
        {
            if (seen[doc])
            {
                docs[at++] = doc;
            }
        }

        return docs;
    }

    /// <summary>Every chunk of every term of a column that starts with <paramref name="prefix"/>, with positions, grouped by term.</summary>
    public List<TermChunks> ReadPrefixWithPositions(SqliteConnection connection, int column, string prefix)
    {
        var terms = new List<TermChunks>();
        var command = Prefix(connection, "SELECT term, data, pos, seq FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s ORDER BY term, seq", column, prefix);
        using var reader = command.ExecuteReader();
        string? last = null;
        while (reader.Read())
        {
            var term = reader.GetString(0);
            if (term != last)
            {
                terms.Add(new TermChunks());
                last = term;
            }

            terms[^1].Add((byte[])reader.GetValue(1), (byte[])reader.GetValue(2), reader.GetInt64(3));
        }

        return terms;
    }

    private SqliteCommand Term(SqliteConnection connection, string sql, int column, string term)
    {
        var command = _commands.For(connection, sql);
        command.Set("$c", column);
        command.Set("$t", term);
        command.Set("$s", sequence);
        return command;
    }

    // In UTF-8 byte order (how SQLite compares text) every string that starts with the prefix sorts below the prefix
    // followed by the highest code point.
    private SqliteCommand Prefix(SqliteConnection connection, string sql, int column, string prefix)
    {
        var command = _commands.For(connection, sql);
        command.Set("$c", column);
        command.Set("$lo", prefix);
        command.Set("$hi", prefix + "\U0010FFFF");
        command.Set("$s", sequence);
        return command;
    }

}

/// <summary>
/// The chunks of one term as stored, in sequence order: per chunk its data blob, its positions blob (see
/// PostingsBuffer) and its flush's sequence number.
/// </summary>
internal sealed class TermChunks
{
    public List<byte[]> Data { get; } = [];

    public List<byte[]> Positions { get; } = [];

    public List<long> Sequences { get; } = [];

    public void Add(byte[] data, byte[] positions, long sequence)
    {
        Data.Add(data);
        Positions.Add(positions);
        Sequences.Add(sequence);
    }

    /// <summary>The chunks whose sequence number is in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public TermChunks Between(long from, long to)
    {
        var part = new TermChunks();
        for (var i = 0; i < Data.Count; i++)
        {
            if (Sequences[i] >= from && Sequences[i] < to)
            {
                part.Add(Data[i], Positions[i], Sequences[i]);
            }
        }

        return part;
    }
}
