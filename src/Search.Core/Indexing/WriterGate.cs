namespace Search.Core.Indexing;

/// <summary>
/// The one-writer rule of an index directory: live document writes and reindex runs take turns. A reindex holds it
/// only while it changes the served generation (an incremental run, or the switch of a full rebuild), so a PUT
/// never waits for a whole rebuild.
/// </summary>
public sealed class WriterGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public void Dispose() => _semaphore.Dispose();

    public IDisposable Enter()
    {
        _semaphore.Wait();
        return new Held(_semaphore);
    }

    private sealed class Held(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
