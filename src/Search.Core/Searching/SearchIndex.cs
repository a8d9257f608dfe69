using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// The read side of one index generation: an SQLite file opened read-only, with facet ordinals, publication dates
/// and document lengths held in memory, all read in one transaction so they describe one state of the file. Queries
/// are evaluated over our postings as of that state (see <see cref="MatchEvaluator"/>); one pass over the matches
/// computes the total, the facet counts and the top hits.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private readonly string _connectionString;
    private readonly Dictionary<string, FacetDimension> _facets;
    // By rowid, shared with the states extended from this one (see GrowingArray): yyyyMMdd, 0 when unknown; and per
    // column the number of terms (what the BM25 norms come from). A rowid that holds no live document may keep a
    // deleted document's: only live documents are ranked or scored.
    private readonly GrowingArray<int> _published;
    private readonly GrowingArray<int>[] _lengths;
    private readonly bool[] _live;
    private readonly Bm25 _bm25;
    private readonly PostingsReader _postings;
    private readonly TermScoreCache _termScores = new(TermScoresCacheBytes);
    private readonly FacetCountCache _facetCounts = new(FacetCountsCacheBytes);
    private readonly Snapshot _snapshot;
    private readonly FacetValueIds _valueIds;

    // The vocabulary is read once, by the first request that needs it; requests that come meanwhile wait for it.
    private readonly Lazy<Vocabulary> _vocabulary;

    // Rowids below the highest one that hold no document (deleted or replaced): their postings are still there.
    private readonly int _deletedRows;

    /// <summary>How much memory the scored postings of recently used terms may take, per generation.</summary>
    public const long TermScoresCacheBytes = 256L * 1024 * 1024;

    /// <summary>How much memory the facet counts of recent searches may take, per generation (thousands of searches).</summary>
    public const long FacetCountsCacheBytes = 16L * 1024 * 1024;

    private SearchIndex(string path, string connectionString, Loaded loaded, IReadOnlyDictionary<string, string> metadata, Snapshot snapshot, Func<SqliteConnection, long, Vocabulary>? vocabulary)
    {
        Path = path;
        _connectionString = connectionString;
        _bm25 = Bm25.FromLengths([.. loaded.Lengths.Select(l => l.Items)], loaded.Live.Length, loaded.LengthTotals, loaded.Count);
        _lengths = loaded.Lengths;
        _snapshot = snapshot;
        _postings = new PostingsReader(long.Parse(metadata.GetValueOrDefault(IndexSchema.PostingsSequenceKey, "0"), CultureInfo.InvariantCulture));
        vocabulary ??= Vocabulary.Load;
        _vocabulary = new(() => _snapshot.Read(c => vocabulary(c, _postings.Sequence)), LazyThreadSafetyMode.ExecutionAndPublication);
        _facets = loaded.Facets;
        _valueIds = loaded.ValueIds;
        _published = loaded.Published;
        _live = loaded.Live;
        Metadata = metadata;
        DocumentCount = loaded.Count;
        RowsRead = loaded.RowsRead;
        _deletedRows = loaded.Live.Length - 1 - loaded.Count;
    }

    public string Path { get; }

    public int DocumentCount { get; }

    /// <summary>How many rows of the docs table this state read when it was loaded: all of them, or those an extension added.</summary>
    internal int RowsRead { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public IEnumerable<string> FacetDimensions => _facets.Keys;

    public static SearchIndex Open(string path) => Open(path, null, null);

    /// <summary>
    /// The present state of this generation's file after a write of this process that added documents past its rows
    /// and deleted some (<paramref name="change"/>), and changed nothing else: what is in memory is extended rather than
    /// read again (at a million documents a reload reads every row, seconds; this reads the rows added). The same as
    /// <see cref="Open(string)"/> would load, in what any search sees.
    /// </summary>
    internal SearchIndex Extend(WrittenChange change) => Open(Path, this, change);

    private static SearchIndex Open(string path, SearchIndex? previous, WrittenChange? change)
    {
        var connectionString = IndexSchema.ConnectionString(path, readOnly: true);
        // Everything held in memory is read in the snapshot that later queries read in: one state of the file.
        var snapshot = new Snapshot(connectionString);
        try
        {
            return snapshot.Read(connection =>
            {
                var metadata = ReadMetadata(path, connection);
                var loaded = previous is null ? LoadRows(connection) : previous.ExtendRows(connection, change!.DeletedRows);
                var index = new SearchIndex(path, connectionString, loaded, metadata, snapshot, previous?.ExtendedVocabulary(change!.Terms));
                if (previous is not null)
                {
                    index._extendedBuckets = previous._buckets;
                    index.CarryCountsOf(previous);
                }

                return index;
            });
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    private static Dictionary<string, string> ReadMetadata(string path, SqliteConnection connection)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, value FROM meta";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                metadata[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var version = metadata.GetValueOrDefault("schema_version");
        if (version != IndexSchema.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new IndexFormatException($"{path} has schema version {version ?? "none"}; this program reads version {IndexSchema.Version}. Rebuild the index.");
        }

        return metadata;
    }

    /// <summary>What is held in memory by rowid, and the facets: read from the docs table, or extended.</summary>
    private sealed record Loaded(GrowingArray<int> Published, bool[] Live, GrowingArray<int>[] Lengths, long[] LengthTotals, Dictionary<string, FacetDimension> Facets, FacetValueIds ValueIds, int Count, int RowsRead);

    private static long MaxRowid(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM docs";
        return (long)command.ExecuteScalar()!;
    }

    private static Loaded LoadRows(SqliteConnection connection)
    {
        var rows = MaxRowid(connection) + 1;
        var published = new int[rows];
        var live = new bool[rows];
        var lengths = PostingsBuffer.Columns.Select(_ => new int[rows]).ToArray();
        var facetStore = FacetStore.ReadValues(connection, rows - 1);
        var count = ReadRows(connection, -1, 0, published, live, lengths, facetStore);
        return new Loaded(GrowingArray<int>.Of(published), live, [.. lengths.Select(GrowingArray<int>.Of)], [.. lengths.Select(Total)], facetStore.Build(), facetStore.Ids, count, count);
    }

    /// <summary>
    /// This generation's rows with the deleted ones marked and the ones added since read. Rowids are never reused
    /// (the docs table is AUTOINCREMENT), so every added row lies past the rows held here, and the rows' dates and
    /// lengths are appended to this state's, not copied.
    /// </summary>
    private Loaded ExtendRows(SqliteConnection connection, IReadOnlyCollection<long> deletedRows)
    {
        var first = _live.Length;
        var rows = Math.Max(first, MaxRowid(connection) + 1);
        var live = new bool[rows];
        _live.CopyTo(live, 0);
        var totals = (long[])_bm25.Totals.Clone();
        var count = DocumentCount;
        foreach (var rowid in deletedRows)
        {
            if (rowid < first && live[rowid])
            {
                // A fresh load would find no document there: its terms leave the average length.
                live[rowid] = false;
                for (var c = 0; c < totals.Length; c++)
                {
                    totals[c] -= _lengths[c].Items[rowid];
                }

                count--;
            }
        }

        var published = new int[rows - first];
        var lengths = _lengths.Select(_ => new int[rows - first]).ToArray();
        var facetStore = FacetStore.Extend(connection, _facets, _valueIds, rows - 1);
        var read = ReadRows(connection, first - 1, first, published, live, lengths, facetStore);
        for (var c = 0; c < totals.Length; c++)
        {
            totals[c] += Total(lengths[c]);
        }

        return new Loaded(
            _published.Append(first, published), live, [.. _lengths.Select((held, c) => held.Append(first, lengths[c]))], totals,
            facetStore.Build(), facetStore.Ids, count + read, read);
    }

    private static long Total(int[] lengths)
    {
        var total = 0L;
        foreach (var length in lengths)
        {
            total += length;
        }

        return total;
    }

    /// <summary>
    /// The docs rows past <paramref name="after"/>, into the arrays and the facets; returns how many. The dates and
    /// lengths go to index rowid − <paramref name="first"/> of their arrays, and life to index rowid.
    /// </summary>
    private static int ReadRows(SqliteConnection connection, long after, int first, int[] published, bool[] live, int[][] lengths, FacetStore facetStore)
    {
        var count = 0;
        using var command = connection.CreateCommand();
        // The docs table is narrow (see IndexSchema): this reads no text.
        command.CommandText = "SELECT rowid, published, lengths, facets FROM docs WHERE rowid > $after";
        command.Parameters.AddWithValue("$after", after);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var rowid = reader.GetInt64(0);
            live[rowid] = true;
            count++;
            if (!reader.IsDBNull(1))
            {
                published[rowid - first] = DateNumber(reader.GetString(1));
            }

            var sizes = (byte[])reader.GetValue(2);
            var position = 0;
            for (var c = 0; c < lengths.Length && position < sizes.Length; c++)
            {
                lengths[c][rowid - first] = (int)Varint.Read(sizes, ref position);
            }

            facetStore.Add(rowid, (byte[])reader.GetValue(3));
        }

        return count;
    }

    /// <summary>
    /// Prepares what <paramref name="previous"/> had prepared for its searches (the facet buckets, the vocabulary),
    /// so that the first searches of this state, which replaces it, do not wait for them: the write that made this
    /// state pays for them instead (the buckets extended, the vocabulary merged with the postings written).
    /// </summary>
    internal void PrepareLike(SearchIndex previous)
    {
        if (previous._buckets is not null)
        {
            _ = Buckets;
        }

        if (previous._vocabulary.IsValueCreated)
        {
            _ = LoadedVocabulary();
        }
    }

    /// <summary>
    /// How the next state's vocabulary is read: this one's with the postings written since added, when this one has
    /// been read; else null (read whole when first needed, as on open). <paramref name="written"/>: the terms whose
    /// postings were written since, when the writer listed them.
    /// </summary>
    private Func<SqliteConnection, long, Vocabulary>? ExtendedVocabulary(IReadOnlySet<(int Column, string Term)>? written)
    {
        if (!_vocabulary.IsValueCreated)
        {
            return null;
        }

        var vocabulary = _vocabulary.Value;
        var from = _postings.Sequence;
        return (connection, sequence) => vocabulary.Extend(connection, from, sequence, written);
    }

    /// <summary>yyyy-MM-dd (or yyyy-MM, yyyy) as the number yyyyMMdd, missing parts as 00.</summary>
    public static int DateNumber(string iso)
    {
        var parts = iso.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        return (year * 10000) + (month * 100) + day;
    }

    public StoredDocument? GetDocument(string id) => _snapshot.Read(connection => GetDocument(connection, id));

    private StoredDocument? GetDocument(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.rowid, d.id, d.title, t.byline, t.body, d.lang, d.published, t.source FROM docs d JOIN texts t ON t.doc = d.rowid WHERE d.id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var rowid = reader.GetInt64(0);
        var entities = Entities(rowid, reader.GetString(4));

        return new StoredDocument(
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetString(7),
            FacetsOf(rowid),
            entities);
    }

    /// <summary>A document's entities in text order, as stored (<see cref="Extraction.StoredEntities"/>); <paramref name="body"/> is its text.</summary>
    /// <remarks>Inside a read of the snapshot only (every hit with a snippet asks it).</remarks>
    private List<Extraction.Entity> Entities(long rowid, string body)
    {
        var command = _snapshot.Kept("SELECT entities FROM texts WHERE doc = $r");
        command.Set("$r", rowid);
        return command.ExecuteScalar() is byte[] blob ? Extraction.StoredEntities.Decode(blob, body) : [];
    }

    internal List<FacetValue> FacetsOf(long rowid)
    {
        var list = new List<FacetValue>();
        foreach (var dimension in _facets.Values)
        {
            foreach (var ordinal in dimension.OrdinalsOf(rowid))
            {
                var number = dimension.Numbers[ordinal];
                var upper = dimension.Uppers[ordinal];
                list.Add(new FacetValue(dimension.Name, dimension.Values[ordinal], dimension.Labels[ordinal], double.IsNaN(number) ? null : number, double.IsNaN(upper) ? null : upper, dimension.LabelsFa[ordinal]));
            }
        }

        return list;
    }

    private IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>? _collectionFacets;

    /// <summary>Indexed terms within <paramref name="maxEdits"/> edits of <paramref name="term"/>, closest and commonest first.</summary>
    public IReadOnlyList<string> SimilarTerms(string term, int maxEdits) => LoadedVocabulary().Near(term, maxEdits);

    /// <summary>Indexed terms that start with a prefix, with the number of documents that have each.</summary>
    public IReadOnlyList<(string Term, long Documents)> TermsStartingWith(string prefix, int limit) => LoadedVocabulary().StartingWith(prefix, limit);

    internal Vocabulary LoadedVocabulary() => _vocabulary.Value;

    /// <summary>
    /// The values of one facet dimension over every document, with their counts; a prefix narrows them to those
    /// whose value or label (in either script, folded like text) starts with it. Null for an unknown dimension.
    /// </summary>
    public IReadOnlyList<FacetCount>? BrowseFacet(string dimension, string? prefix, int limit)
    {
        // Counts over every document depend only on the generation: counted once, not once per keystroke and dimension.
        var all = _collectionFacets ??= Search(new SearchRequest { Limit = 0, FacetLimit = int.MaxValue, ReuseFacetCounts = false }, null).Facets;
        if (!all.TryGetValue(dimension, out var counts))
        {
            return _facets.ContainsKey(dimension.Split('.')[0]) || dimension is "person" or "place" or "org" or "date" or "figure" or "lang" ? [] : null;
        }

        if (string.IsNullOrWhiteSpace(prefix))
        {
            return [.. counts.Take(limit)];
        }

        var folded = Fold(prefix);
        return [.. counts.Where(c => StartsAWord(c.Value, folded) || StartsAWord(c.Label, folded) || (c.LabelFa is not null && StartsAWord(c.LabelFa, folded))).Take(limit)];
    }

    /// <summary>Whether a word of <paramref name="text"/> (after a space or a hyphen) starts with the folded prefix.</summary>
    private static bool StartsAWord(string text, string foldedPrefix)
    {
        var folded = Fold(text);
        return folded.StartsWith(foldedPrefix, StringComparison.Ordinal)
            || folded.Contains(" " + foldedPrefix, StringComparison.Ordinal)
            || folded.Contains("-" + foldedPrefix, StringComparison.Ordinal);
    }

    /// <summary>Lower-case, Persian letters and digits normalized, no joiners: how prefixes and labels are compared.</summary>
    internal static string Fold(string text) => Languages.Persian.PersianLetters.Fold(text.Trim()).ToLowerInvariant();

    /// <summary>Begins the snapshot again at the file's present state, whose content must be unchanged (see <see cref="Snapshot.Renew"/>).</summary>
    internal void RenewSnapshot() => _snapshot.Renew();

    public void Dispose()
    {
        _retired.Cancel();
        _postings.Dispose();
        _snapshot.Dispose();
        // Pooled connections to this file would keep it open after its generation is retired.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
