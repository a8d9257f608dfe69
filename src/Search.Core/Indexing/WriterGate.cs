namespace Search.Core.Indexing;

/// <summary>
/// The one-writer rule of an index directory, and the journal of live writes. Live document writes and reindex
/// runs take turns; a full rebuild holds the gate only to switch generations, and before it switches it replays the
/// live writes made while it was building (<see cref="ChangesSince"/>), so a PUT during a rebuild is never lost.
/// </summary>
public sealed class WriterGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly List<LiveChange> _changes = [];
    private readonly Lock _journal = new();

    /// <summary>A live write: the document as written, or null when it was deleted.</summary>
    public sealed record LiveChange(string Id, SourceDocument? Document);

    public void Dispose() => _semaphore.Dispose();

    public IDisposable Enter()
    {
        _semaphore.Wait();
        return new Held(_semaphore);
    }

    /// <summary>A position in the journal, to ask later for the changes made after it.</summary>
    public int Mark()
    {
        lock (_journal)
        {
            return _changes.Count;
        }
    }

    public void Record(string id, SourceDocument? document)
    {
        lock (_journal)
        {
            _changes.Add(new LiveChange(id, document));
            if (_changes.Count > 100_000)
            {
                // Only a rebuild in progress needs the journal, and none lasts for a hundred thousand writes.
                _changes.RemoveRange(0, 50_000);
            }
        }
    }

    public IReadOnlyList<LiveChange> ChangesSince(int mark)
    {
        lock (_journal)
        {
            return mark >= _changes.Count ? [] : [.. _changes.Skip(Math.Max(0, mark))];
        }
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
