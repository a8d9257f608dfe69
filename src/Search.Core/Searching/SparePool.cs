namespace Search.Core.Searching;

/// <summary>
/// A few large scratch objects kept for reuse, taken and given back with one atomic exchange per slot. A
/// <see cref="System.Collections.Concurrent.ConcurrentBag{T}"/> did this before: with one or two items in a thread's
/// queue it takes a lock on every add and take, and that was a fifth of a rare word's faceted search at a million
/// documents. More objects given back at once than there are slots are dropped for the collector and made again
/// when needed: with two slots a core, a service running more searches than that at once allocates some anew.
/// </summary>
internal sealed class SparePool<T>(int slots)
    where T : class
{
    private readonly T?[] _slots = new T?[slots];

    /// <summary>A spare object, or null when none is kept.</summary>
    public T? Take()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } spare)
            {
                return spare;
            }
        }

        return null;
    }

    /// <summary>Keeps an object for the next <see cref="Take"/>, in the first free slot; dropped when none is free.</summary>
    public void Return(T spare)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is null && Interlocked.CompareExchange(ref _slots[i], spare, null) is null)
            {
                return;
            }
        }
    }
}
