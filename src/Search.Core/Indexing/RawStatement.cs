using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Search.Core.Indexing;

/// <summary>
/// A prepared statement run through SQLite's own interface, for the writer's statements that run once per document or
/// once per term of a flush: parameters are bound by position, text and blobs straight from spans. Through
/// Microsoft.Data.Sqlite every execution looks each parameter up by name and every blob must be an array of its own
/// size; in a build that binding was a twentieth of the CPU (docs/performance.md). SQLite copies what is bound
/// (SQLITE_TRANSIENT), so one buffer serves every text parameter. It runs inside the connection's open transaction.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[4096];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written)));
    }

    /// <summary>Binds a blob; an empty one stays a blob of no bytes (an empty span would otherwise bind NULL).</summary>
    public void Bind(int index, ReadOnlySpan<byte> blob) =>
        Check(blob.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, blob));

    /// <summary>Runs the statement to its end and readies it for the next bindings.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }

    /// <summary>The rowid of the row the last insert on this connection made.</summary>
    public long LastRowid => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _db);
}
