using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Reads the postings of one generation as they were when it was opened (chunks up to the sequence number it was
/// opened at), and keeps the decoded lists of recently used terms within a memory budget: the lists of frequent terms
/// are the ones queries ask for again and again, and decoding them is most of their cost.
/// </summary>
internal sealed class PostingsReader(long sequence, long budgetBytes)
{
    /// <summary>A prefix with more expansions than this is answered by FTS5, without reading each term's postings.</summary>
    public const int MaxPrefixExpansions = 512;

    private readonly ConcurrentDictionary<(int Column, string Term), PostingList> _cache = new();
    private readonly ConcurrentQueue<(int Column, string Term)> _order = new();
    private long _cached;

    /// <summary>The decoded list of a term if it is in memory: no connection needed.</summary>
    public PostingList? Cached(int column, string term) => _cache.GetValueOrDefault((column, term));

    public PostingList Get(SqliteConnection connection, int column, string term)
    {
        if (_cache.TryGetValue((column, term), out var cached))
        {
            return cached;
        }

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

        var list = chunks.Count == 0 ? PostingList.Empty : PostingList.Decode(chunks);
        Remember(column, term, list);
        return list;
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

    private void Remember(int column, string term, PostingList list)
    {
        if (list.Bytes > budgetBytes / 4 || !_cache.TryAdd((column, term), list))
        {
            return;
        }

        _order.Enqueue((column, term));
        // Oldest first out: simple, and the frequent terms come straight back.
        for (var total = Interlocked.Add(ref _cached, list.Bytes); total > budgetBytes && _order.TryDequeue(out var oldest);)
        {
            if (_cache.TryRemove(oldest, out var removed))
            {
                total = Interlocked.Add(ref _cached, -removed.Bytes);
            }
        }
    }
}
