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

    // How long a write waits for another process's claim on the directory: a live write of another service is over
    // in that time, a rebuild is not.
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Claims the directory for a write and what goes with it (the document's file), before either is made: a write
    /// refused while another process writes then leaves the file as it was too.
    /// </summary>
    /// <exception cref="IndexBusyException">Another process still writes to the directory.</exception>
    public IDisposable Claim() => WriterClaim.Take(host.Directory, ClaimWait);

    /// <summary>
    /// Serves what another process committed into the served generation in place (an incremental run from the command
    /// line): when the file's change mark is not the one served and no other process still writes it, the host loads
    /// it again. True when it did; false while the other process still writes, to be asked again later.
    /// </summary>
    public bool CatchUp()
    {
        if (!host.ChangedInPlace())
        {
            return false;
        }

        IDisposable claim;
        try
        {
            claim = WriterClaim.Take(host.Directory, TimeSpan.Zero);
        }
        catch (IndexBusyException)
        {
            return false;
        }

        using (claim)
        using (gate.Enter())
        {
            // A write of this process may have loaded it meanwhile.
            if (!host.ChangedInPlace() || host.CurrentPath is not { } path)
            {
                return false;
            }

            SqliteConnection.ClearAllPools();
            host.Reload();
            ServedLog.StartOver(host, path);
            return true;
        }
    }

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
        // The served state can be extended with this write only if it is the file's state before it: not when another
        // process has changed the file in place since it was loaded (CatchUp has not run yet).
        var extend = !host.ChangedInPlace();
        bool result;
        WrittenChange written;
        using (var writer = IndexWriter.Open(path))
        {
            writer.Durable();
            result = change(writer);
            writer.Commit();
            written = writer.Written;
        }

        SqliteConnection.ClearAllPools();
        host.ServeWritten(extend, written);
        ServedLog.StartOver(host, path);
        return result;
    }
}
