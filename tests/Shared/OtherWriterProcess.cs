using System.Diagnostics;

namespace Search.Tests.Shared;

/// <summary>
/// Another process that writes an index directory, as far as the directory can tell: util-linux's flock holding the
/// exclusive lock on the directory's WRITER file (the lock a writer claim takes), until it is disposed or its time
/// is up. Linked into each test project that needs a second writer.
/// </summary>
internal sealed class OtherWriterProcess : IDisposable
{
    private readonly Process _process;

    private OtherWriterProcess(Process process) => _process = process;

    /// <summary>Starts the process and returns once it holds the lock.</summary>
    public static OtherWriterProcess Hold(string indexDirectory, int seconds = 120)
    {
        var start = new ProcessStartInfo("flock", ["--exclusive", LockFile(indexDirectory), "sh", "-c", $"echo held; exec sleep {seconds}"])
        {
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        // flock runs the command only once it has the lock.
        var line = process.StandardOutput.ReadLine();
        if (line != "held")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"flock did not take the lock on {LockFile(indexDirectory)}: '{line}'.");
        }

        return new OtherWriterProcess(process);
    }

    /// <summary>Whether another process could take the directory's lock now (flock --nonblock succeeds).</summary>
    public static bool CouldTake(string indexDirectory)
    {
        using var probe = Process.Start(new ProcessStartInfo("flock", ["--nonblock", LockFile(indexDirectory), "true"]))!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    /// <summary>Waits for the process to let the lock go by itself, at the end of its time.</summary>
    public void WaitForExit() => _process.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // The lock is held by the open file that flock's command inherits: the whole tree goes.
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private static string LockFile(string indexDirectory) => Path.Combine(indexDirectory, "WRITER");
}
