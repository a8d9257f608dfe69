using System.Numerics;
using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// The indexed terms with their document frequencies, read once from the postings table when a fuzzy or prefix
/// request first needs them (each chunk's document count sits before its blobs, so no blob is read; a million
/// documents have 229,000 terms in all columns, read in 0.65 s). Fuzzy matching compares against these, so "Khamenie~" finds the spelling the documents actually use.
/// Each term carries a 64-bit signature of its letters: one edit changes at most two of its bits, so a term whose
/// signature differs in more than 2×edits bits cannot be near, and most of the vocabulary is passed over unexamined.
/// </summary>
internal sealed class Vocabulary
{
    private readonly string[] _terms;
    private readonly long[] _documents;
    private readonly ulong[] _signatures;
    private readonly int[][] _byLength; // the terms' indices by length: a fuzzy expansion looks only at lengths within reach
    private readonly string[][] _columns; // per column of the postings, its terms in ordinal order

    private Vocabulary(List<(string Term, long Documents)> terms, string[][] columns)
    {
        _terms = [.. terms.Select(t => t.Term)];
        _documents = [.. terms.Select(t => t.Documents)];
        _signatures = [.. _terms.Select(Signature)];
        var longest = _terms.Length == 0 ? 0 : _terms.Max(t => t.Length);
        var byLength = Enumerable.Range(0, longest + 1).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _terms.Length; i++)
        {
            byLength[_terms[i].Length].Add(i);
        }

        _byLength = [.. byLength.Select(l => l.ToArray())];
        _columns = columns;
    }

    public static Vocabulary Load(SqliteConnection connection, long sequence)
    {
        var columns = PostingsBuffer.Columns.Select(_ => new List<string>()).ToArray();
        var text = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            // In the table's own order: nothing is sorted. The counts include documents deleted since the last full
            // build, whose postings stay until then.
            command.CommandText = "SELECT col, term, sum(doc_count) FROM postings WHERE seq <= $s GROUP BY col, term";
            command.Parameters.AddWithValue("$s", sequence);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var column = (int)reader.GetInt64(0);
                var term = reader.GetString(1);
                columns[column].Add(term);
                // Fuzzy matching and suggestions look at words of the text columns (title and body): facet tokens
                // in the tags column are not words anybody misspells.
                if (column < 2)
                {
                    text[term] = text.GetValueOrDefault(term) + reader.GetInt64(2);
                }
            }
        }

        // SQLite orders text by its UTF-8 bytes; the binary searches here compare UTF-16 code units.
        var sorted = columns.Select(c => c.Order(StringComparer.Ordinal).ToArray()).ToArray();
        return new Vocabulary([.. text.Select(t => (t.Key, t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal)], sorted);
    }

    /// <summary>
    /// This vocabulary with the postings written after <paramref name="from"/> (up to <paramref name="sequence"/>)
    /// counted in: after a live write only its chunks are read, and the terms it brings are merged into the sorted
    /// lists. The same as <see cref="Load"/> at <paramref name="sequence"/> would read.
    /// </summary>
    public Vocabulary Extend(SqliteConnection connection, long from, long sequence)
    {
        var columns = PostingsBuffer.Columns.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        var text = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT col, term, sum(doc_count) FROM postings WHERE seq > $from AND seq <= $s GROUP BY col, term";
            command.Parameters.AddWithValue("$from", from);
            command.Parameters.AddWithValue("$s", sequence);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var column = (int)reader.GetInt64(0);
                var term = reader.GetString(1);
                if (Array.BinarySearch(_columns[column], term, StringComparer.Ordinal) < 0)
                {
                    columns[column].Add(term);
                }

                if (column < 2)
                {
                    text[term] = text.GetValueOrDefault(term) + reader.GetInt64(2);
                }
            }
        }

        if (text.Count == 0 && columns.All(c => c.Count == 0))
        {
            return this;
        }

        var terms = new List<(string Term, long Documents)>(_terms.Length + text.Count);
        var at = 0;
        foreach (var (term, documents) in text)
        {
            for (; at < _terms.Length && string.CompareOrdinal(_terms[at], term) < 0; at++)
            {
                terms.Add((_terms[at], _documents[at]));
            }

            if (at < _terms.Length && _terms[at] == term)
            {
                terms.Add((term, _documents[at] + documents));
                at++;
            }
            else
            {
                terms.Add((term, documents));
            }
        }

        for (; at < _terms.Length; at++)
        {
            terms.Add((_terms[at], _documents[at]));
        }

        var merged = _columns.Select((existing, c) => columns[c].Count == 0 ? existing : Merged(existing, columns[c])).ToArray();
        return new Vocabulary(terms, merged);
    }

    /// <summary>Two ascending lists of distinct strings as one.</summary>
    private static string[] Merged(string[] sorted, SortedSet<string> added)
    {
        var merged = new string[sorted.Length + added.Count];
        var (i, n) = (0, 0);
        foreach (var term in added)
        {
            while (i < sorted.Length && string.CompareOrdinal(sorted[i], term) < 0)
            {
                merged[n++] = sorted[i++];
            }

            merged[n++] = term;
        }

        sorted.AsSpan(i).CopyTo(merged.AsSpan(n));
        return merged;
    }

    /// <summary>
    /// The terms of one column of the postings that start with <paramref name="prefix"/>, in ordinal order, up to
    /// <paramref name="limit"/> of them: a prefix query's expansions, found by a binary search instead of a scan of
    /// the postings table.
    /// </summary>
    public List<string> ColumnTermsStartingWith(int column, string prefix, int limit)
    {
        var terms = _columns[column];
        var found = new List<string>();
        for (var i = First(terms, prefix); i < terms.Length && found.Count < limit && terms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            found.Add(terms[i]);
        }

        return found;
    }

    /// <summary>Indexed terms that start with <paramref name="prefix"/>, commonest first.</summary>
    public IReadOnlyList<(string Term, long Documents)> StartingWith(string prefix, int limit)
    {
        var found = new List<(string, long)>();
        for (var i = First(_terms, prefix); i < _terms.Length && _terms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (!_terms[i].Contains('_'))
            {
                found.Add((_terms[i], _documents[i]));
            }
        }

        return [.. found.OrderByDescending(t => t.Item2).ThenBy(t => t.Item1, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>
    /// The terms of the text columns in at least <paramref name="documents"/> documents (a title and a body count
    /// apart), commonest first; terms with '_' (the shape of facet tokens) are left out, as suggestions leave them out.
    /// </summary>
    public IEnumerable<string> TermsInAtLeast(long documents) =>
        Enumerable.Range(0, _terms.Length)
            .Where(i => _documents[i] >= documents && !_terms[i].Contains('_'))
            .OrderByDescending(i => _documents[i])
            .ThenBy(i => i)
            .Select(i => _terms[i]);

    /// <summary>Where the terms that start with a prefix begin: sorted, they are one contiguous run from there.</summary>
    private static int First(string[] sorted, string prefix)
    {
        var first = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        return first < 0 ? ~first : first;
    }

    public IReadOnlyList<string> Near(string term, int maxEdits)
    {
        if (maxEdits == 0)
        {
            return [];
        }

        var signature = Signature(term);
        var found = new List<(string Term, long Documents, int Distance)>();
        for (var length = Math.Max(0, term.Length - maxEdits); length <= term.Length + maxEdits && length < _byLength.Length; length++)
        {
            foreach (var i in _byLength[length])
            {
                // A term with more than twice the edits' worth of letters in or out of the word's cannot be near it.
                if (BitOperations.PopCount(signature ^ _signatures[i]) > 2 * maxEdits)
                {
                    continue;
                }

                var candidate = _terms[i];
                var d = candidate == term ? int.MaxValue : EditDistance.Bounded(term, candidate, maxEdits);
                if (d <= maxEdits)
                {
                    found.Add((candidate, _documents[i], d));
                }
            }
        }

        return [.. found.OrderBy(f => f.Distance).ThenByDescending(f => f.Documents).ThenBy(f => f.Term, StringComparer.Ordinal).Select(f => f.Term)];
    }

    private static ulong Signature(string term)
    {
        ulong signature = 0;
        foreach (var c in term)
        {
            signature |= 1UL << (c % 64);
        }

        return signature;
    }
}
