namespace Search.Core.Indexing;

/// <summary>
/// A reader's claim on a generation file that every process sees: a stream on the file that lets others read and
/// write, which .NET backs with a shared advisory lock (flock on Unix), and against which a probe for an exclusive
/// one fails. A clean-up in another process (a reindex from the command line beside a running service) knows
/// nothing of the service's readers but the file's lock, and leaves a held generation for a later clean-up.
/// </summary>
/// <remarks>
/// The lock is .NET's emulation of file sharing; with DOTNET_SYSTEM_IO_DISABLEFILELOCKING set it is not taken, and
/// only the one-writer rule protects readers in other processes.
/// </remarks>
public sealed class GenerationHold : IDisposable
{
    private readonly FileStream _stream;

    private GenerationHold(FileStream stream) => _stream = stream;

    /// <summary>Holds a generation file; null when it is gone (deleted since its name was read).</summary>
    public static GenerationHold? Take(string generation)
    {
        try
        {
            return new GenerationHold(new FileStream(generation, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether a hold on the generation file is open, in this process or another.</summary>
    public static bool IsHeld(string generation)
    {
        try
        {
            using var probe = new FileStream(generation, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();
}
