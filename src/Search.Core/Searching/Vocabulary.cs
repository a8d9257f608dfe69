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

    private Vocabulary(string[] terms, long[] documents, ulong[] signatures, int[][] byLength, string[][] columns)
    {
        _terms = terms;
        _documents = documents;
        _signatures = signatures;
        _byLength = byLength;
        _columns = columns;
    }

    /// <summary>A vocabulary of <paramref name="terms"/> (ascending), whose signatures are <paramref name="signatures"/> (computed when null).</summary>
    private static Vocabulary Of(string[] terms, long[] documents, ulong[]? signatures, string[][] columns)
    {
        var longest = terms.Length == 0 ? 0 : terms.Max(t => t.Length);
        var counts = new int[longest + 1];
        foreach (var term in terms)
        {
            counts[term.Length]++;
        }

        var byLength = counts.Select(n => new int[n]).ToArray();
        Array.Clear(counts);
        for (var i = 0; i < terms.Length; i++)
        {
            byLength[terms[i].Length][counts[terms[i].Length]++] = i;
        }

        return new Vocabulary(terms, documents, signatures ?? [.. terms.Select(Signature)], byLength, columns);
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
        var terms = text.Keys.Order(StringComparer.Ordinal).ToArray();
        return Of(terms, [.. terms.Select(t => text[t])], null, sorted);
    }

    /// <summary>
    /// This vocabulary with the postings written after <paramref name="from"/> (up to <paramref name="sequence"/>)
    /// counted in: after a live write only its chunks are read, and the terms it brings are merged into the sorted
    /// lists. The same as <see cref="Load"/> at <paramref name="sequence"/> would read. With <paramref name="written"/>,
    /// the terms the writer wrote, only their chunks are looked up; without, the postings table is scanned for the
    /// chunks after <paramref name="from"/> (its key begins with the column and the term: 0.16 s at a million
    /// documents, most of a live write's extension before the writer listed its terms).
    /// </summary>
    public Vocabulary Extend(SqliteConnection connection, long from, long sequence, IReadOnlySet<(int Column, string Term)>? written = null)
    {
        var columns = PostingsBuffer.Columns.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        var text = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Add(int column, string term, long documents)
        {
            if (Array.BinarySearch(_columns[column], term, StringComparer.Ordinal) < 0)
            {
                columns[column].Add(term);
            }

            if (column < 2)
            {
                text[term] = text.GetValueOrDefault(term) + documents;
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.Parameters.AddWithValue("$from", from);
            command.Parameters.AddWithValue("$s", sequence);
            if (written is null)
            {
                command.CommandText = "SELECT col, term, sum(doc_count) FROM postings WHERE seq > $from AND seq <= $s GROUP BY col, term";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    Add((int)reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
                }
            }
            else
            {
                command.CommandText = "SELECT sum(doc_count) FROM postings WHERE col = $c AND term = $t AND seq > $from AND seq <= $s";
                var column = command.Parameters.Add("$c", SqliteType.Integer);
                var term = command.Parameters.Add("$t", SqliteType.Text);
                foreach (var (c, t) in written)
                {
                    (column.Value, term.Value) = (c, t);
                    if (command.ExecuteScalar() is long documents)
                    {
                        Add(c, t, documents);
                    }
                }
            }
        }

        if (text.Count == 0 && columns.All(c => c.Count == 0))
        {
            return this;
        }

        var merged = _columns.Select((existing, c) => columns[c].Count == 0 ? existing : Merged(existing, columns[c])).ToArray();
        return WithCounts(text, merged);
    }

    /// <summary>
    /// These terms with the documents of <paramref name="added"/> (ascending) counted in: the terms' arrays are shared
    /// when every one of them is known already (a write's words, mostly), else merged, the signatures carried along.
    /// </summary>
    private Vocabulary WithCounts(SortedDictionary<string, long> added, string[][] columns)
    {
        var documents = (long[])_documents.Clone();
        var known = true;
        foreach (var (term, count) in added)
        {
            var at = Array.BinarySearch(_terms, term, StringComparer.Ordinal);
            if (at < 0)
            {
                known = false;
                break;
            }

            documents[at] += count;
        }

        if (known)
        {
            return new Vocabulary(_terms, documents, _signatures, _byLength, columns);
        }

        var size = _terms.Length + added.Keys.Count(t => Array.BinarySearch(_terms, t, StringComparer.Ordinal) < 0);
        var (terms, counts, signatures) = (new string[size], new long[size], new ulong[size]);
        var (held, n) = (0, 0);
        foreach (var (term, count) in added)
        {
            for (; held < _terms.Length && string.CompareOrdinal(_terms[held], term) < 0; held++, n++)
            {
                (terms[n], counts[n], signatures[n]) = (_terms[held], _documents[held], _signatures[held]);
            }

            if (held < _terms.Length && _terms[held] == term)
            {
                (terms[n], counts[n], signatures[n]) = (term, _documents[held] + count, _signatures[held]);
                held++;
            }
            else
            {
                (terms[n], counts[n], signatures[n]) = (term, count, Signature(term));
            }

            n++;
        }

        for (; held < _terms.Length; held++, n++)
        {
            (terms[n], counts[n], signatures[n]) = (_terms[held], _documents[held], _signatures[held]);
        }

        return Of(terms, counts, signatures, columns);
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
