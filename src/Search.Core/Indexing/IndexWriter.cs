using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// The single writer of one index generation. Writes go in transactions of <see cref="BatchSize"/> documents
/// (BEGIN IMMEDIATE, so a second writer waits instead of failing half-way); <see cref="Commit"/> makes them durable.
/// Postings are written with the documents they list, in the same transaction, except while a new generation is
/// built: nobody reads it before it is published, so its postings wait in memory until the buffer is large or the
/// build commits, and each term gets a few large chunks instead of one per batch.
/// </summary>
public sealed class IndexWriter : IDisposable
{
    public const int BatchSize = 2000;

    /// <summary>How large the postings of a new generation grow in memory before they are written.</summary>
    public const long PostingsBufferBytes = 256L * 1024 * 1024;

    private readonly SqliteConnection _connection;
    private static readonly string[] DeleteStatements =
        ["DELETE FROM texts WHERE doc = $r", "DELETE FROM docs WHERE rowid = $r"];

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _raw = new(StringComparer.Ordinal);
    private readonly PostingsBuffer _postings = new();
    private readonly List<int> _tags = [];

    // Ids of the facet values written or looked up so far, by dimension and value.
    private readonly Dictionary<(string Dimension, string Value), long> _facetIds = [];
    private readonly List<long> _documentFacetIds = [];
    private readonly bool _newGeneration;

    // A new generation holds only what this writer added: an id whose hash is not here is not in the file, and adding
    // it needs no lookup of an earlier copy. (A hash seen before only costs the lookup.)
    private readonly HashSet<int> _addedIdHashes = [];
    private readonly List<long> _deletedRows = [];

    // The terms whose postings this writer wrote, while they are few enough to list (a live write's document, a small
    // incremental run): a state extended by the write then reads their counts alone, not the whole postings table.
    private HashSet<(int Column, string Term)>? _writtenTerms = [];
    private long _postingsSequence;
    private SqliteTransaction? _transaction;
    private int _pending;

    private IndexWriter(SqliteConnection connection, bool newGeneration)
    {
        _connection = connection;
        _newGeneration = newGeneration;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", IndexSchema.PostingsSequenceKey);
        _postingsSequence = command.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    public string Path { get; private init; } = "";

    /// <summary>Creates a new, empty index file with the schema and the given metadata.</summary>
    public static IndexWriter Create(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (File.Exists(path))
        {
            throw new IOException($"Refusing to create index '{path}': the file exists.");
        }

        var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: false));
        connection.Open();
        IndexSchema.ConfigureForBuilding(connection);
        IndexSchema.Create(connection);
        var writer = new IndexWriter(connection, newGeneration: true) { Path = path };
        writer.SetMetadata(metadata);
        writer.SetMetadata(new Dictionary<string, string>
        {
            ["schema_version"] = IndexSchema.Version.ToString(CultureInfo.InvariantCulture),
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
        });
        writer.Commit();
        return writer;
    }

    /// <summary>The rowids of the documents this writer deleted (or replaced): a reader of the file extends its state with them.</summary>
    public IReadOnlyList<long> DeletedRows => _deletedRows;

    // Listed up to this many terms written; past it, none.
    private const int ListedTermsAtMost = 100_000;

    /// <summary>What this writer changed, as a reader of the file extends its state by it.</summary>
    public WrittenChange Written => new(_deletedRows, _writtenTerms);

    /// <summary>Opens an existing index file for writing.</summary>
    public static IndexWriter Open(string path)
    {
        var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: false));
        connection.Open();
        IndexSchema.ConfigureForWriting(connection);
        return new IndexWriter(connection, newGeneration: false) { Path = path };
    }

    /// <summary>synchronous=FULL: a commit is on disk, not only in the OS, when it returns. For acknowledged single writes.</summary>
    public void Durable() => IndexSchema.Execute(_connection, "PRAGMA synchronous=FULL;");

    public void SetMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (key, value) in metadata)
        {
            var command = Prepared("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            Set(command, "$k", key);
            Set(command, "$v", value);
            command.ExecuteNonQuery();
        }

        Count();
    }

    /// <summary>Adds a document, replacing any document with the same id.</summary>
    public long Add(IndexedDocument document)
    {
        var source = document.Source;
        if (!_newGeneration || !_addedIdHashes.Add(source.Id.GetHashCode(StringComparison.Ordinal)))
        {
            Delete(source.Id);
        }

        _tags.Clear();
        FtsTokens.AddNumbers(document.TagTerms, _tags);
        IReadOnlyList<int>[] columns = [document.TitleTerms, document.BodyTerms, _tags];

        // The two rows of every document go through SQLite's own interface (see RawStatement).
        var insert = Raw("INSERT INTO docs(id, hash, lang, published, lengths, facets, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.Bind(1, source.Id);
        insert.Bind(2, source.ContentHash);
        insert.Bind(3, source.Language);
        insert.Bind(4, source.Published);
        insert.Bind(5, Lengths(columns));
        insert.Bind(6, FacetIds(document.Facets));
        insert.Bind(7, source.Title);
        insert.Execute();
        var rowid = insert.LastRowid;

        var text = Raw("INSERT INTO texts(doc, byline, source, body, entities) VALUES (?1, ?2, ?3, ?4, ?5)");
        text.Bind(1, rowid);
        text.Bind(2, source.Byline);
        text.Bind(3, source.Source);
        text.Bind(4, source.Body);
        if (document.Entities.Count > 0)
        {
            text.Bind(5, StoredEntities.Encode(document.Entities, source.Body));
        }
        else
        {
            text.Bind(5, (string?)null);
        }

        text.Execute();

        for (var c = 0; c < columns.Length; c++)
        {
            _postings.Add(rowid, c, columns[c]);
        }

        Count();
        return rowid;
    }

    /// <summary>Removes a document and everything indexed for it; false when there was none.</summary>
    public bool Delete(string id)
    {
        var find = Prepared("SELECT rowid FROM docs WHERE id = $id");
        Set(find, "$id", id);
        if (find.ExecuteScalar() is not long rowid)
        {
            return false;
        }

        foreach (var sql in DeleteStatements)
        {
            var command = Prepared(sql);
            Set(command, "$r", rowid);
            command.ExecuteNonQuery();
        }

        _deletedRows.Add(rowid);
        Count();
        return true;
    }

    /// <summary>Commits the open transaction: everything written so far is durable when this returns.</summary>
    public void Commit()
    {
        FlushPostings();
        CommitTransaction();
    }

    private void CommitTransaction()
    {
        if (_transaction is not null)
        {
            var mark = Prepared("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            Set(mark, "$k", IndexSchema.ChangeKey);
            Set(mark, "$v", Guid.NewGuid().ToString("N"));
            mark.ExecuteNonQuery();
        }

        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _pending = 0;
    }

    /// <summary>
    /// Leaves the file ready to serve: for a finished full build, before it is published. A new generation is
    /// switched to WAL here; an existing one has its WAL truncated.
    /// </summary>
    public void Optimize()
    {
        Commit();
        if (_newGeneration)
        {
            IndexSchema.ConfigureForServing(_connection);
        }
        else
        {
            IndexSchema.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _raw.Values)
        {
            statement.Dispose();
        }

        _prepared.Clear();
        _raw.Clear();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    /// <summary>A statement of the writer's hot path (once per document or per term), prepared once (see RawStatement).</summary>
    private RawStatement Raw(string sql)
    {
        _transaction ??= _connection.BeginTransaction();
        if (!_raw.TryGetValue(sql, out var statement))
        {
            _raw[sql] = statement = new RawStatement(_connection, sql);
        }

        return statement;
    }

    /// <summary>
    /// A command prepared once and reused for every document: preparing the same statements again for each of a
    /// million documents costs more than running them.
    /// </summary>
    private SqliteCommand Prepared(string sql)
    {
        _transaction ??= _connection.BeginTransaction();
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        var parameter = index >= 0 ? parameters[index] : parameters.Add(new SqliteParameter(name, null));
        parameter.Value = value ?? DBNull.Value;
    }


    /// <summary>The ids of a document's facet values, ascending, as delta varints; values not seen before are added.</summary>
    private byte[] FacetIds(IReadOnlyList<FacetValue> facets)
    {
        _documentFacetIds.Clear();
        foreach (var facet in facets)
        {
            _documentFacetIds.Add(FacetId(facet));
        }

        _documentFacetIds.Sort();
        var bytes = new byte[_documentFacetIds.Count * 10];
        var length = 0;
        long last = 0;
        foreach (var id in _documentFacetIds)
        {
            length += Varint.Write(bytes.AsSpan(length), (ulong)(id - last));
            last = id;
        }

        return bytes[..length];
    }

    private long FacetId(FacetValue facet)
    {
        var key = (facet.Dimension, facet.Value);
        if (_facetIds.TryGetValue(key, out var id))
        {
            return id;
        }

        // A new generation holds only the values this writer added, all of them in the dictionary.
        if (!_newGeneration)
        {
            var find = Prepared("SELECT id FROM facet_values WHERE dim = $dim AND value = $v");
            Set(find, "$dim", facet.Dimension);
            Set(find, "$v", facet.Value);
            if (find.ExecuteScalar() is long found)
            {
                return _facetIds[key] = found;
            }
        }

        var insert = Raw("INSERT INTO facet_values(dim, value, label, label_fa, num, upper) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert.Bind(1, facet.Dimension);
        insert.Bind(2, facet.Value);
        insert.Bind(3, facet.Label);
        insert.Bind(4, facet.LabelFa);
        insert.Bind(5, facet.Number);
        insert.Bind(6, facet.Upper);
        insert.Execute();
        return _facetIds[key] = insert.LastRowid;
    }

    /// <summary>The number of terms in each column of the document being added, a varint each.</summary>
    private static byte[] Lengths(IReadOnlyList<int>[] columns)
    {
        Span<byte> bytes = stackalloc byte[10 * 3];
        var length = 0;
        foreach (var tokens in columns)
        {
            length += Varint.Write(bytes[length..], (ulong)tokens.Count);
        }

        return bytes[..length].ToArray();
    }

    /// <summary>Writes the buffered postings as one chunk per term, in the open transaction.</summary>
    private void FlushPostings()
    {
        if (_postings.IsEmpty)
        {
            return;
        }

        _postingsSequence++;
        if (_writtenTerms is not null && _writtenTerms.Count + _postings.TermCount > ListedTermsAtMost)
        {
            _writtenTerms = null;
        }

        _postings.Flush(Raw("INSERT INTO postings(col, term, seq, doc_count, data, pos) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"), _postingsSequence, _writtenTerms);
        var meta = Prepared("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        Set(meta, "$k", IndexSchema.PostingsSequenceKey);
        Set(meta, "$v", _postingsSequence.ToString(CultureInfo.InvariantCulture));
        meta.ExecuteNonQuery();
    }

    private void Count()
    {
        if (++_pending >= BatchSize)
        {
            if (_newGeneration && _postings.Size < PostingsBufferBytes)
            {
                // A generation being built is read by nobody: its documents commit, its postings wait (see above).
                CommitTransaction();
                return;
            }

            Commit();
            // With readers always active the WAL only shrinks at a checkpoint: take one every batch.
            IndexSchema.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
        }
    }
}
