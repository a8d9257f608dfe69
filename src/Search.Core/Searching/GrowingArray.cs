namespace Search.Core.Searching;

/// <summary>
/// An array that successive states share while each only appends: a state holds the store and its own length, and
/// reads nothing past it, so a later state's appends beyond it change nothing it sees. Appending to a length that is
/// no longer the store's end (a second extension of the same state), or past its room, copies into a new store
/// instead. Extending a million documents' facet rows then writes the rows added, not a hundred megabytes.
/// </summary>
/// <remarks>
/// A pinned store stays pinned when it is copied: the facet buckets are read through pointers (prefetched ahead of
/// counting), and a store never moves, so a pointer taken to its items holds as long as the store.
/// </remarks>
internal sealed class GrowingArray<T>
    where T : unmanaged
{
    private readonly Lock _gate = new();
    private readonly bool _pinned;
    private int _filled;

    private GrowingArray(T[] items, int filled, bool pinned)
    {
        Items = items;
        _filled = filled;
        _pinned = pinned;
    }

    /// <summary>The items; a state reads only its own length of them.</summary>
    public T[] Items { get; }

    /// <summary>A store of <paramref name="items"/>, all of them filled.</summary>
    public static GrowingArray<T> Of(T[] items) => new(items, items.Length, pinned: false);

    /// <summary>A store of the first <paramref name="filled"/> of <paramref name="items"/>, an array on the pinned heap: the rest is room.</summary>
    public static GrowingArray<T> Pinned(T[] items, int filled) => new(items, filled, pinned: true);

    /// <summary>An array for <see cref="Pinned"/> of <paramref name="length"/> items and room for a few appends past them.</summary>
    public static T[] PinnedWithRoom(int length) => GC.AllocateUninitializedArray<T>(length + Room(length), pinned: true);

    // Room for as many again as a tenth of what there is: appends of a few rows at a time seldom copy.
    private static int Room(int length) => Math.Max(1024, length / 10);

    /// <summary>
    /// The store holding the first <paramref name="length"/> items of this one followed by <paramref name="added"/>:
    /// this store when they can be written in place, else a copy with room to grow.
    /// </summary>
    public GrowingArray<T> Append(int length, ReadOnlySpan<T> added)
    {
        lock (_gate)
        {
            // Nothing added (a write that only deleted): the state's items are this store's, which never change.
            if (added.IsEmpty && length <= _filled)
            {
                return this;
            }

            if (length == _filled && length + added.Length <= Items.Length)
            {
                added.CopyTo(Items.AsSpan(length));
                _filled += added.Length;
                return this;
            }
        }

        var total = length + added.Length;
        var copy = _pinned ? PinnedWithRoom(total) : new T[total + Room(total)];
        Items.AsSpan(0, length).CopyTo(copy);
        added.CopyTo(copy.AsSpan(length));
        return new GrowingArray<T>(copy, total, _pinned);
    }
}
