using Microsoft.Data.Sqlite;

namespace Search.Core.Searching;

/// <summary>
/// One read transaction on a generation's file, open for as long as the generation is served: every read a query
/// makes (postings, phrases, hits, documents) sees the state the generation was opened at, even while an incremental
/// run commits into the same file. Queries take turns on the connection; they hold it only while SQLite reads, not
/// while they rank or count. In WAL mode the open transaction costs writers nothing, but the WAL cannot start over
/// while it is open: after a live write, <see cref="Renew"/> begins it again on the checkpointed file. The transaction
/// is begun and ended in SQL, not as a <see cref="SqliteTransaction"/>: commands made under one keep it, and the kept
/// commands outlive a renewal.
/// </summary>
internal sealed class Snapshot : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private readonly KeptCommands _kept = new();

    public Snapshot(string connectionString)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        _connection.Open();
        Execute("BEGIN DEFERRED;");
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

    /// <summary>
    /// Ends the read transaction and begins another at the file's present state, reading it at once. Only for a file
    /// whose content has not changed since the transaction began (a checkpoint moves pages, not content): what the
    /// generation holds in memory was read in the old one. Begun on a WAL that is checkpointed whole, the new one reads
    /// the database file alone, and the WAL can then be truncated; kept open since the generation was opened, the
    /// old one kept every live write's pages in the WAL (54 MB after 400 writes to an index of 1 MB).
    /// </summary>
    public void Renew()
    {
        lock (_lock)
        {
            Execute("ROLLBACK; BEGIN DEFERRED; SELECT count(*) FROM meta;");
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _kept.Dispose();
            _connection.Dispose(); // which ends the transaction
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
