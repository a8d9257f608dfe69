using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// The single writer of one index generation. Writes go in transactions of <see cref="BatchSize"/> documents
/// (BEGIN IMMEDIATE, so a second writer waits instead of failing half-way); <see cref="Commit"/> makes them durable.
/// </summary>
public sealed class IndexWriter : IDisposable
{
    public const int BatchSize = 2000;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private int _pending;

    private IndexWriter(SqliteConnection connection)
    {
        _connection = connection;
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
        IndexSchema.ConfigureForWriting(connection);
        IndexSchema.Create(connection);
        var writer = new IndexWriter(connection) { Path = path };
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
        return new IndexWriter(connection) { Path = path };
    }

    /// <summary>synchronous=FULL: a commit is on disk, not only in the OS, when it returns. For acknowledged single writes.</summary>
    public void Durable() => IndexSchema.Execute(_connection, "PRAGMA synchronous=FULL;");

    public void SetMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (key, value) in metadata)
        {
            using var command = Command("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("$k", key);
            command.Parameters.AddWithValue("$v", value);
            command.ExecuteNonQuery();
        }

        Count();
    }

    /// <summary>Adds a document, replacing any document with the same id.</summary>
    public long Add(IndexedDocument document)
    {
        var source = document.Source;
        Delete(source.Id);
        using var insert = Command("""
            INSERT INTO docs(id, title, byline, body, lang, published, source, hash)
            VALUES ($id, $title, $byline, $body, $lang, $published, $source, $hash)
            RETURNING rowid
            """);
        insert.Parameters.AddWithValue("$id", source.Id);
        insert.Parameters.AddWithValue("$title", source.Title);
        insert.Parameters.AddWithValue("$byline", (object?)source.Byline ?? DBNull.Value);
        insert.Parameters.AddWithValue("$body", source.Body);
        insert.Parameters.AddWithValue("$lang", source.Language);
        insert.Parameters.AddWithValue("$published", (object?)source.Published ?? DBNull.Value);
        insert.Parameters.AddWithValue("$source", source.Source);
        insert.Parameters.AddWithValue("$hash", source.ContentHash);
        var rowid = (long)insert.ExecuteScalar()!;

        using var fts = Command("INSERT INTO fts(rowid, title, body, tags) VALUES ($r, $t, $b, $g)");
        fts.Parameters.AddWithValue("$r", rowid);
        fts.Parameters.AddWithValue("$t", document.TitleTerms);
        fts.Parameters.AddWithValue("$b", document.BodyTerms);
        fts.Parameters.AddWithValue("$g", document.TagTerms);
        fts.ExecuteNonQuery();

        using var facet = Command("INSERT OR IGNORE INTO facets(doc, dim, value, label, label_fa, num, upper) VALUES ($d, $dim, $v, $l, $lf, $n, $u)");
        var pDoc = facet.Parameters.Add("$d", SqliteType.Integer);
        var pDim = facet.Parameters.Add("$dim", SqliteType.Text);
        var pValue = facet.Parameters.Add("$v", SqliteType.Text);
        var pLabel = facet.Parameters.Add("$l", SqliteType.Text);
        var pLabelFa = facet.Parameters.Add("$lf", SqliteType.Text);
        var pNum = facet.Parameters.Add("$n", SqliteType.Real);
        var pUpper = facet.Parameters.Add("$u", SqliteType.Real);
        foreach (var f in document.Facets)
        {
            pDoc.Value = rowid;
            pDim.Value = f.Dimension;
            pValue.Value = f.Value;
            pLabel.Value = f.Label;
            pLabelFa.Value = (object?)f.LabelFa ?? DBNull.Value;
            pNum.Value = (object?)f.Number ?? DBNull.Value;
            pUpper.Value = (object?)f.Upper ?? DBNull.Value;
            facet.ExecuteNonQuery();
        }

        using var entity = Command("INSERT INTO entities(doc, ord, json) VALUES ($d, $o, $j)");
        var eDoc = entity.Parameters.Add("$d", SqliteType.Integer);
        var eOrd = entity.Parameters.Add("$o", SqliteType.Integer);
        var eJson = entity.Parameters.Add("$j", SqliteType.Text);
        for (var i = 0; i < document.Entities.Count; i++)
        {
            eDoc.Value = rowid;
            eOrd.Value = i;
            eJson.Value = EntityJson.Serialize(document.Entities[i]);
            entity.ExecuteNonQuery();
        }

        Count();
        return rowid;
    }

    /// <summary>Removes a document and everything indexed for it; false when there was none.</summary>
    public bool Delete(string id)
    {
        using var find = Command("SELECT rowid FROM docs WHERE id = $id");
        find.Parameters.AddWithValue("$id", id);
        if (find.ExecuteScalar() is not long rowid)
        {
            return false;
        }

        foreach (var sql in new[] { "DELETE FROM fts WHERE rowid = $r", "DELETE FROM facets WHERE doc = $r", "DELETE FROM entities WHERE doc = $r", "DELETE FROM docs WHERE rowid = $r" })
        {
            using var command = Command(sql);
            command.Parameters.AddWithValue("$r", rowid);
            command.ExecuteNonQuery();
        }

        Count();
        return true;
    }

    /// <summary>Commits the open transaction: everything written so far is durable when this returns.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _pending = 0;
    }

    /// <summary>Merges FTS5 segments and truncates the WAL: for a finished full build, before it is published.</summary>
    public void Optimize()
    {
        Commit();
        IndexSchema.Execute(_connection, "INSERT INTO fts(fts) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        _transaction ??= _connection.BeginTransaction();
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private void Count()
    {
        if (++_pending >= BatchSize)
        {
            Commit();
            // With readers always active the WAL only shrinks at a checkpoint: take one every batch.
            IndexSchema.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
        }
    }
}
