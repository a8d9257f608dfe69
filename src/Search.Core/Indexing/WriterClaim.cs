namespace Search.Core.Indexing;

/// <summary>
/// A process's claim to write an index directory, seen by every process: an exclusive advisory lock (flock on Unix,
/// which .NET takes for a stream that shares nothing) on the directory's WRITER file, held while a reindex runs or a
/// live write is made. The <see cref="WriterGate"/> orders the writers of one process; this keeps a second process
/// out. Without it a rebuild from the command line beside a running service removed the service's build in
/// progress as a leftover (and the service the command line's), and the service's live writes went to a generation
/// the command line's was about to replace. A process that dies loses its lock with it.
/// </summary>
/// <remarks>
/// Within a process the claim is shared: a live write during the process's own rebuild takes it again at once. The
/// lock is .NET's emulation of file sharing; with DOTNET_SYSTEM_IO_DISABLEFILELOCKING set it is not taken.
/// </remarks>
public sealed class WriterClaim : IDisposable
{
    /// <summary>The lock file's name in the index directory; it stays there between claims.</summary>
    public const string FileName = "WRITER";

    // The claims this process holds, by lock file: a second stream on a locked file would be refused by the
    // process's own lock, so the first stream is counted instead.
    private static readonly Dictionary<string, (FileStream Lock, int Holders)> Held = new(StringComparer.Ordinal);
    private static readonly Lock HeldGate = new();

    private readonly string _file;
    private int _released;

    private WriterClaim(string file) => _file = file;

    /// <summary>
    /// Claims the directory for this process, waiting up to <paramref name="wait"/> for another process to let it go.
    /// </summary>
    /// <exception cref="IndexBusyException">Another process still writes to the directory.</exception>
    public static WriterClaim Take(IndexDirectory directory, TimeSpan wait)
    {
        var file = Path.Combine(directory.Path, FileName);
        var deadline = DateTime.UtcNow + wait;
        while (!TryTake(file))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new IndexBusyException(
                    $"Another process is writing to the index in '{directory.Path}' (a reindex, or the service's own writes); " +
                    "try again when it is done, or reindex through the service that serves it.");
            }

            Thread.Sleep(50);
        }

        return new WriterClaim(file);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        lock (HeldGate)
        {
            var (stream, holders) = Held[_file];
            if (holders > 1)
            {
                Held[_file] = (stream, holders - 1);
                return;
            }

            Held.Remove(_file);
            stream.Dispose();
        }
    }

    private static bool TryTake(string file)
    {
        lock (HeldGate)
        {
            if (Held.TryGetValue(file, out var held))
            {
                Held[file] = (held.Lock, held.Holders + 1);
                return true;
            }

            try
            {
                Held[file] = (new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), 1);
                return true;
            }
            catch (IOException) when (File.Exists(file))
            {
                return false; // locked by another process
            }
        }
    }
}
