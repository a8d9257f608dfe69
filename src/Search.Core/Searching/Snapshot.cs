using Microsoft.Data.Sqlite;

namespace Search.Core.Searching;

/// <summary>
/// One read transaction on a generation's file, open for as long as the generation is served: every read a query
/// makes (postings, phrases, hits, documents) sees the state the generation was opened at, even while an incremental
/// run commits into the same file. Queries take turns on the connection; they hold it only while SQLite reads, not
/// while they rank or count. In WAL mode the open transaction costs writers nothing; the WAL cannot be reset past it
/// until the host moves to a newer state, which it does after every write.
/// </summary>
internal sealed class Snapshot : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Lock _lock = new();

    public Snapshot(string connectionString)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        _connection.Open();
        _transaction = _connection.BeginTransaction(deferred: true);
    }

    public T Read<T>(Func<SqliteConnection, T> read)
    {
        lock (_lock)
        {
            return read(_connection);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
