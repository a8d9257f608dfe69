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
    private readonly KeptCommands _kept = new();

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

    /// <summary>
    /// A command kept on the connection with its statement compiled, for the statements every query runs (its page of
    /// hits): SQLite then prepares each once, not on every query. For use inside <see cref="Read"/> only, which holds
    /// the connection; the caller sets its parameters (<see cref="CommandParameters.Set"/>). Commands are kept until
    /// the snapshot closes, none is put out while another may be reading (a page's rows ask for each hit's entities),
    /// so callers keep the statements few: a page of hits comes in eight sizes.
    /// </summary>
    public SqliteCommand Kept(string sql) => _kept.For(_connection, sql);

    public void Dispose()
    {
        lock (_lock)
        {
            _kept.Dispose();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}

/// <summary>
/// Commands kept by their SQL with their statements compiled, each on the connection it was made for (one asked for
/// on another connection replaces it). Not for use by two threads at once: its users hold the connection.
/// </summary>
internal sealed class KeptCommands : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand For(SqliteConnection connection, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command) || command.Connection != connection)
        {
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}

/// <summary>Parameters of a command that is run again and again: added the first time, then only given new values.</summary>
internal static class CommandParameters
{
    public static void Set(this SqliteCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index < 0)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
        }
    }
}
