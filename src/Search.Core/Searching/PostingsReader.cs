using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Reads the postings of one generation as they were when it was opened: chunks up to the sequence number it was
/// opened at (the snapshot it reads in guarantees that too; the bound keeps any other connection honest).
/// </summary>
internal sealed class PostingsReader(long sequence)
{
    /// <summary>A prefix with more expansions than this is answered by FTS5, without reading each term's postings.</summary>
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

    /// <summary>The terms of a column that start with <paramref name="prefix"/>, up to <paramref name="limit"/> of them.</summary>
    public List<string> TermsStartingWith(SqliteConnection connection, int column, string prefix, int limit)
    {
        var terms = new List<string>();
        using var command = connection.CreateCommand();
        // In UTF-8 byte order (how SQLite compares text) every string that starts with the prefix sorts below the
        // prefix followed by the highest code point.
        command.CommandText = "SELECT DISTINCT term FROM postings WHERE col = $c AND term >= $lo AND term < $hi AND seq <= $s LIMIT $n";
        command.Parameters.AddWithValue("$c", column);
        command.Parameters.AddWithValue("$lo", prefix);
        command.Parameters.AddWithValue("$hi", prefix + "\U0010FFFF");
        command.Parameters.AddWithValue("$s", sequence);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }
}
