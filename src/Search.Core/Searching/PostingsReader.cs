using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Reads the postings of one generation as they were when it was opened: chunks up to the sequence number it was
/// opened at (the snapshot it reads in guarantees that too; the bound keeps any other connection honest).
/// </summary>
internal sealed class PostingsReader(long sequence)
{
    /// <summary>The last sequence number this reader reads.</summary>
    public long Sequence => sequence;

    /// <summary>A prefix with more expansions than this matches its documents alike, without scoring each term.</summary>
    public const int MaxPrefixExpansions = 512;

    public PostingList Get(SqliteConnection connection, int column, string term) => Decode(ReadChunks(connection, column, term));

    public static PostingList Decode(List<byte[]> chunks) => chunks.Count == 0 ? PostingList.Empty : PostingList.Decode(chunks);

    /// <summary>The stored chunks of a term, in sequence order, not yet decoded.</summary>
    public List<byte[]> ReadChunks(SqliteConnection connection, int column, string term)
    {
        var chunks = new List<byte[]>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT data FROM postings WHERE col = $c AND term = $t AND seq <= $s ORDER BY seq";
            command.Parameters.AddWithValue("$c", column);
            command.Parameters.AddWithValue("$t", term);
            command.Parameters.AddWithValue("$s", sequence);
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
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, pos FROM postings WHERE col = $c AND term = $t AND seq <= $s ORDER BY seq";
        command.Parameters.AddWithValue("$c", column);
        command.Parameters.AddWithValue("$t", term);
        command.Parameters.AddWithValue("$s", sequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            chunks.Add((byte[])reader.GetValue(0), (byte[])reader.GetValue(1));
        }

        return chunks;
    }

    /// <summary>
    /// The documents that hold any term of a column starting with <paramref name="prefix"/>, ascending, each once:
    /// one pass over the prefix's rows, decoded as they are read into a bitmap of <paramref name="rows"/> rowids.
    /// </summary>
    public int[] DocumentsWithPrefix(SqliteConnection connection, int column, string prefix, int rows)
    {
        var seen = new bool[rows];
        var count = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT data FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s";
            AddPrefixRange(command, column, prefix);
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
                    if (doc < rows && !seen[doc])
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

    /// <summary>The terms of a column that start with <paramref name="prefix"/>, up to <paramref name="limit"/> of them.</summary>
    public List<string> TermsStartingWith(SqliteConnection connection, int column, string prefix, int limit)
    {
        var terms = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT term FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s LIMIT $n";
        AddPrefixRange(command, column, prefix);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }

    /// <summary>Every chunk of every term of a column that starts with <paramref name="prefix"/>, with positions, grouped by term.</summary>
    public List<TermChunks> ReadPrefixWithPositions(SqliteConnection connection, int column, string prefix)
    {
        var terms = new List<TermChunks>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, data, pos FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s ORDER BY term, seq";
        AddPrefixRange(command, column, prefix);
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

            terms[^1].Add((byte[])reader.GetValue(1), (byte[])reader.GetValue(2));
        }

        return terms;
    }

    // In UTF-8 byte order (how SQLite compares text) every string that starts with the prefix sorts below the prefix
    // followed by the highest code point.
    private void AddPrefixRange(SqliteCommand command, int column, string prefix)
    {
        command.Parameters.AddWithValue("$c", column);
        command.Parameters.AddWithValue("$lo", prefix);
        command.Parameters.AddWithValue("$hi", prefix + "\U0010FFFF");
        command.Parameters.AddWithValue("$s", sequence);
    }
}

/// <summary>The chunks of one term as stored: per chunk its data blob and its positions blob (see PostingsBuffer).</summary>
internal sealed class TermChunks
{
    public List<byte[]> Data { get; } = [];

    public List<byte[]> Positions { get; } = [];

    public void Add(byte[] data, byte[] positions)
    {
        Data.Add(data);
        Positions.Add(positions);
    }
}
