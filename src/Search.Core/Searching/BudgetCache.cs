using System.Collections.Concurrent;

namespace Search.Core.Searching;

/// <summary>
/// Entries kept within a memory budget, each with the size its owner reckons for it; the oldest go first when the
/// budget is passed. Simple, and what is asked for often comes straight back. Safe for concurrent use: two threads
/// may add the same key at once, and the first one's entry stays.
/// </summary>
internal sealed class BudgetCache<TKey, TValue>(long budgetBytes)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Bytes)> _entries = new();
    private readonly ConcurrentQueue<TKey> _order = new();
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryGet(TKey key, out TValue value)
    {
        var found = _entries.TryGetValue(key, out var entry);
        value = entry.Value;
        return found;
    }

    public void Add(TKey key, TValue value, long bytes)
    {
        if (!_entries.TryAdd(key, (value, bytes)))
        {
            return;
        }

        _order.Enqueue(key);
        for (var total = Interlocked.Add(ref _bytes, bytes); total > budgetBytes && _order.TryDequeue(out var oldest);)
        {
            if (_entries.TryRemove(oldest, out var removed))
            {
                total = Interlocked.Add(ref _bytes, -removed.Bytes);
            }
        }
    }
}
