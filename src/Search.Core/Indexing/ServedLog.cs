using Microsoft.Data.Sqlite;
using Search.Core.Searching;

namespace Search.Core.Indexing;

/// <summary>
/// The WAL of a generation that is written while it is served (live writes, incremental runs). The served snapshot
/// would keep it from ever starting over: every write's pages stayed in it, 140 KB a write to an index of 1 MB, 54 MB
/// after 400 writes.
/// </summary>
internal static class ServedLog
{
    /// <summary>
    /// Lets the WAL start over once a change is served. Once the readers of the state before are done (a query still
    /// at work after a short wait: the next change tries again), the WAL is checkpointed whole, the served snapshot
    /// begins again on the database file alone, and the WAL is truncated. The caller holds the writer gate and the
    /// directory's claim, and the host has loaded the file's present state: nothing is written between. Readers in
    /// other processes make a step give up at once rather than wait.
    /// </summary>
    public static void StartOver(IndexHost host, string path)
    {
        if (!host.WaitUntilDrained(TimeSpan.FromMilliseconds(250)))
        {
            return;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(IndexSchema.ConnectionString(path, readOnly: false)) { Pooling = false }.ToString());
        connection.Open();
        IndexSchema.Execute(connection, "PRAGMA busy_timeout=0;");
        if (!Checkpoint(connection, "PASSIVE"))
        {
            return;
        }

        host.RenewSnapshot();
        Checkpoint(connection, "TRUNCATE");
    }

    /// <summary>Runs a checkpoint; true when it copied the whole WAL into the database file.</summary>
    private static bool Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return false; // SQLITE_BUSY or SQLITE_LOCKED: a reader elsewhere; the next change tries again
        }
    }
}
