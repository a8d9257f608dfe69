using Microsoft.Data.Sqlite;
using Search.Core.Configuration;
using Search.Core.Searching;

namespace Search.Core.Indexing;

/// <summary>
/// Single-document writes to the served generation: add or replace, and delete. There is one writer at a time
/// (<see cref="WriterGate"/>, shared with reindexing); each write is committed with synchronous=FULL before it returns,
/// so an acknowledged write survives a crash, and the served state is reloaded so the next query sees it. While
/// another process writes the directory (a reindex from the command line), a write waits a little for it and then
/// fails with <see cref="IndexBusyException"/>, having written nothing.
/// </summary>
public sealed class LiveIndex(IndexHost host, IndexSettings settings, WriterGate gate)
{
    private readonly DocumentAnalysis _analysis = new(settings);

    /// <summary>How long a write waits for another process's claim on the directory (settable for tests).</summary>
    internal TimeSpan ClaimWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Claims the directory for a write and what goes with it (the document's file), before either is made: a write
    /// refused while another process writes then leaves the file as it was too.
    /// </summary>
    /// <exception cref="IndexBusyException">Another process still writes to the directory.</exception>
    public IDisposable Claim() => WriterClaim.Take(host.Directory, ClaimWait);

    /// <summary>Adds or replaces a document; true when it replaced one.</summary>
    public bool Upsert(SourceDocument document)
    {
        var analyzed = _analysis.Analyze(document);
        return Write(document.Id, document, writer =>
        {
            var replaced = writer.Delete(document.Id);
            writer.Add(analyzed);
            return replaced;
        });
    }

    /// <summary>Deletes a document; false when there was none.</summary>
    public bool Delete(string id) => Write(id, null, writer => writer.Delete(id));

    private bool Write(string id, SourceDocument? document, Func<IndexWriter, bool> change)
    {
        using var claim = Claim();
        using var held = gate.Enter();
        gate.Record(id, document);
        var path = host.CurrentPath ?? throw new InvalidOperationException("There is no index to write to yet.");
        bool result;
        using (var writer = IndexWriter.Open(path))
        {
            writer.Durable();
            result = change(writer);
            writer.Commit();
        }

        SqliteConnection.ClearAllPools();
        host.Reload();
        StartLogOver(path);
        return result;
    }

    /// <summary>
    /// Lets the WAL start over once a write is served. The served snapshot would otherwise hold it from growing back
    /// to nothing: every write's pages stayed in it, 140 KB a write to an index of 1 MB. Once the readers of the state
    /// before the write are done (a query still at work after a short wait: the next write tries again), the WAL is
    /// checkpointed whole, the served snapshot begins again on the database file alone (nothing was written since the
    /// host loaded it: this write holds the gate and the directory's claim), and the WAL is truncated. Readers in
    /// other processes make a step give up at once rather than wait.
    /// </summary>
    private void StartLogOver(string path)
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
            return false; // SQLITE_BUSY or SQLITE_LOCKED: a reader elsewhere; the next write tries again
        }
    }
}
