using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Serves the current generation of an index directory and moves readers to a new one when it is published.
/// Each search holds a lease on the generation it started with; a retired generation is closed and its file deleted
/// only when its last lease is returned, so no query ever sees a file vanish under it. Every generation it has open it
/// also holds for other processes (<see cref="GenerationHold"/>): their clean-ups leave it alone.
/// </summary>
public sealed class IndexHost : IDisposable
{
    private readonly IndexDirectory _directory;
    private readonly Lock _gate = new();
    private readonly Lock _refreshGate = new();
    private readonly HashSet<Generation> _retired = [];
    private Generation? _current;

    public IndexHost(IndexDirectory directory)
    {
        _directory = directory;
        Refresh();
    }

    public IndexDirectory Directory => _directory;

    /// <summary>The generation files this host has open: the served one and retired ones whose readers are not done.</summary>
    public IReadOnlySet<string> InUse
    {
        get
        {
            lock (_gate)
            {
                var paths = _retired.Select(r => r.Index.Path).ToHashSet(StringComparer.Ordinal);
                if (_current is not null)
                {
                    paths.Add(_current.Index.Path);
                }

                return paths;
            }
        }
    }

    /// <summary>Why the published generation could not be opened, when it could not (an older schema); else null.</summary>
    public string? UnreadableGeneration { get; private set; }

    /// <summary>The settings fingerprint the served generation was built with.</summary>
    public string? ServedFingerprint
    {
        get
        {
            using var lease = Acquire();
            return lease?.Index.Metadata.GetValueOrDefault(Indexing.ReindexRunner.SettingsKey);
        }
    }

    /// <summary>The generation being served, or null when the directory has none yet.</summary>
    public string? CurrentPath
    {
        get
        {
            lock (_gate)
            {
                return _current?.Index.Path;
            }
        }
    }

    /// <summary>Opens the generation CURRENT names if it is not the one being served; true when it switched.</summary>
    public bool Refresh()
    {
        // One refresh at a time, so two callers never both open the same new generation.
        lock (_refreshGate)
        {
            return RefreshOnce();
        }
    }

    private bool RefreshOnce()
    {
        var path = _directory.CurrentGeneration();
        lock (_gate)
        {
            if (path is null || path == _current?.Index.Path)
            {
                return false;
            }
        }

        Generation? opened;
        try
        {
            opened = Open(path);
        }
        catch (IndexFormatException e)
        {
            // An index of an older schema is not served; the owner rebuilds it (the service does so on start).
            UnreadableGeneration = e.Message;
            return false;
        }

        if (opened is null)
        {
            return false; // deleted since CURRENT named it: a writer in another process has moved CURRENT on
        }

        Serve(opened);
        return true;
    }

    /// <summary>
    /// Reopens the served generation after a write to it (PUT, DELETE): the in-memory facets and dates are read again,
    /// queries that started before keep the state they started with.
    /// </summary>
    public void Reload()
    {
        lock (_refreshGate)
        {
            string? path;
            lock (_gate)
            {
                path = _current?.Index.Path;
            }

            if (path is null)
            {
                return;
            }

            Serve(Open(path) ?? throw new FileNotFoundException("The served generation's file is gone.", path));
        }
    }

    /// <summary>
    /// Serves the served generation's file after a write of this process that only deleted rows and added documents
    /// (<paramref name="change"/>), when the state served was the file's before the write:
    /// the state in memory is extended (<see cref="SearchIndex.Extend"/>) instead of read again, and what the served
    /// state had prepared for its searches is prepared before the new one is served. Queries that started before keep
    /// the state they started with.
    /// </summary>
    public void Advance(WrittenChange change)
    {
        lock (_refreshGate)
        {
            using var lease = Acquire();
            if (lease is null)
            {
                return;
            }

            var path = lease.Index.Path;
            var hold = GenerationHold.Take(path) ?? throw new FileNotFoundException("The served generation's file is gone.", path);
            SearchIndex? extended = null;
            try
            {
                extended = lease.Index.Extend(change);
                extended.PrepareLike(lease.Index);
                Serve(new Generation(extended, hold));
            }
            catch
            {
                extended?.Dispose();
                hold.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Serves what a writer of this process committed to the served generation: extended by what it changed
    /// (<see cref="Advance"/>) when <paramref name="extend"/> (the served state was the file's before the write),
    /// else read again (<see cref="Reload"/>).
    /// </summary>
    public void ServeWritten(bool extend, WrittenChange change)
    {
        if (extend)
        {
            Advance(change);
        }
        else
        {
            Reload();
        }
    }

    /// <summary>
    /// Opens a generation, held for other processes before it is opened (a writer elsewhere that has moved CURRENT on
    /// may be deleting it); null when its file is gone.
    /// </summary>
    private static Generation? Open(string path)
    {
        var hold = GenerationHold.Take(path);
        if (hold is null)
        {
            return null;
        }

        try
        {
            return new Generation(SearchIndex.Open(path), hold);
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    /// <summary>Makes a newly opened generation the served one; the one it replaces retires and closes once drained.</summary>
    private void Serve(Generation opened)
    {
        lock (_gate)
        {
            var old = _current;
            _current = opened;
            if (old is not null)
            {
                _retired.Add(old);
                old.Index.Retire();
                Release(old);
            }
        }
    }

    /// <summary>
    /// Whether the served generation's file was changed in place since it was loaded, by a commit this host did not
    /// load (an incremental run or a live write of another process): the file's change mark is not the one served.
    /// </summary>
    public bool ChangedInPlace()
    {
        using var lease = Acquire();
        if (lease is null)
        {
            return false;
        }

        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder(IndexSchema.ConnectionString(lease.Index.Path, readOnly: true)) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", IndexSchema.ChangeKey);
        var mark = command.ExecuteScalar() as string;
        return mark != lease.Index.Metadata.GetValueOrDefault(IndexSchema.ChangeKey);
    }

    /// <summary>
    /// Waits until no query or background count still reads a generation this host has moved on from, at most
    /// <paramref name="timeout"/>; true when none does. Queries take milliseconds, and a count ahead of time stops as
    /// soon as its generation is retired.
    /// </summary>
    internal bool WaitUntilDrained(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            lock (_gate)
            {
                if (_retired.Count == 0)
                {
                    return true;
                }
            }

            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>
    /// Begins the served generation's snapshot again at its file's present state: for the writer, after a checkpoint
    /// that moved pages and changed nothing, so that the WAL can start over (see <see cref="Snapshot.Renew"/>).
    /// </summary>
    internal void RenewSnapshot()
    {
        using var lease = Acquire();
        lease?.Index.RenewSnapshot();
    }

    /// <summary>A lease on the current generation; dispose it when the query is done. Null when there is no index.</summary>
    public Lease? Acquire()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return null;
            }

            _current.Leases++;
            return new Lease(this, _current);
        }
    }

    private void Release(Generation generation)
    {
        string path;
        lock (_gate)
        {
            generation.Leases--;
            if (generation.Leases > 0 || !_retired.Remove(generation))
            {
                return;
            }

            generation.Close();
            path = generation.Index.Path;
            // A reload retires an object, not a file: the served generation, or another holder of it, keeps it.
            if (path == _current?.Index.Path || _retired.Any(r => r.Index.Path == path))
            {
                return;
            }
        }

        _directory.DeleteGeneration(path);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Close();
            foreach (var r in _retired)
            {
                r.Close();
            }

            _current = null;
            _retired.Clear();
        }
    }

    internal sealed class Generation(SearchIndex index, GenerationHold hold)
    {
        public SearchIndex Index { get; } = index;

        /// <summary>Closes the index, then lets other processes delete its file.</summary>
        public void Close()
        {
            Index.Dispose();
            hold.Dispose();
        }

        // The host's own reference counts as one lease until the generation is retired.
        public int Leases { get; set; } = 1;
    }

    /// <summary>A reader's hold on one generation.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly IndexHost _host;
        private readonly Generation _generation;
        private int _disposed;

        internal Lease(IndexHost host, Generation generation)
        {
            _host = host;
            _generation = generation;
        }

        public SearchIndex Index => _generation.Index;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _host.Release(_generation);
            }
        }
    }
}
