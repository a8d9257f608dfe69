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
        ["DELETE FROM facets WHERE doc = $r", "DELETE FROM entities WHERE doc = $r", "DELETE FROM docs WHERE rowid = $r"];

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly PostingsBuffer _postings = new();
    private readonly List<(int Start, int Length)>[] _tokens = [[], [], []];
    private readonly bool _newGeneration;
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
        Delete(source.Id);
        string[] columns = [document.TitleTerms, document.BodyTerms, document.TagTerms];
        for (var c = 0; c < columns.Length; c++)
        {
            _tokens[c].Clear();
            _tokens[c].AddRange(FtsTokens.Ranges(columns[c]));
        }

        var insert = Prepared("INSERT INTO docs(id, title, byline, body, lang, published, lengths, source, hash) VALUES ($id, $title, $byline, $body, $lang, $published, $lengths, $source, $hash) RETURNING rowid");
        Set(insert, "$id", source.Id);
        Set(insert, "$title", source.Title);
        Set(insert, "$byline", source.Byline);
        Set(insert, "$body", source.Body);
        Set(insert, "$lang", source.Language);
        Set(insert, "$published", source.Published);
        Set(insert, "$lengths", Lengths());
        Set(insert, "$source", source.Source);
        Set(insert, "$hash", source.ContentHash);
        var rowid = (long)insert.ExecuteScalar()!;
        for (var c = 0; c < columns.Length; c++)
        {
            _postings.Add(rowid, c, columns[c], _tokens[c]);
        }

        var facet = Prepared("INSERT OR IGNORE INTO facets(doc, dim, value, label, label_fa, num, upper) VALUES ($d, $dim, $v, $l, $lf, $n, $u)");
        foreach (var f in document.Facets)
        {
            Set(facet, "$d", rowid);
            Set(facet, "$dim", f.Dimension);
            Set(facet, "$v", f.Value);
            Set(facet, "$l", f.Label);
            Set(facet, "$lf", f.LabelFa);
            Set(facet, "$n", f.Number);
            Set(facet, "$u", f.Upper);
            facet.ExecuteNonQuery();
        }

        var entity = Prepared("INSERT INTO entities(doc, ord, json) VALUES ($d, $o, $j)");
        for (var i = 0; i < document.Entities.Count; i++)
        {
            Set(entity, "$d", rowid);
            Set(entity, "$o", i);
            Set(entity, "$j", EntityJson.Serialize(document.Entities[i]));
            entity.ExecuteNonQuery();
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

        _prepared.Clear();
        _transaction?.Dispose();
        _connection.Dispose();
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


    /// <summary>The number of terms in each column of the document being added, a varint each.</summary>
    private byte[] Lengths()
    {
        Span<byte> bytes = stackalloc byte[10 * 3];
        var length = 0;
        foreach (var tokens in _tokens)
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
        var insert = Prepared("INSERT INTO postings(col, term, seq, doc_count, data, pos) VALUES ($c, $t, $s, $n, $d, $p)");
        foreach (var name in (string[])["$c", "$t", "$s", "$n", "$d", "$p"])
        {
            Set(insert, name, null);
        }

        _postings.Flush(insert, _postingsSequence);
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
