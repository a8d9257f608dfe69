namespace Search.Core.Searching;

/// <summary>
/// An array of ints that successive states share while each only appends: a state holds the store and its own
/// length, and reads nothing past it, so a later state's appends beyond it change nothing it sees. Appending to a
/// length that is no longer the store's end (a second extension of the same state), or past its room, copies into a
/// new store instead. Extending a million documents' facet rows then writes the rows added, not a hundred megabytes.
/// </summary>
internal sealed class GrowingInts
{
    private readonly Lock _gate = new();
    private int _filled;

    private GrowingInts(int[] items, int filled)
    {
        Items = items;
        _filled = filled;
    }

    /// <summary>The items; a state reads only its own length of them.</summary>
    public int[] Items { get; }

    public static GrowingInts Of(int[] items) => new(items, items.Length);

    /// <summary>
    /// The store holding the first <paramref name="length"/> items of this one followed by <paramref name="added"/>:
    /// this store when they can be written in place, else a copy with room to grow.
    /// </summary>
    public GrowingInts Append(int length, ReadOnlySpan<int> added)
    {
        lock (_gate)
        {
            if (length == _filled && length + added.Length <= Items.Length)
            {
                added.CopyTo(Items.AsSpan(length));
                _filled += added.Length;
                return this;
            }
        }

        // Room for as many again as a tenth of what there is: appends of a few rows at a time seldom copy.
        var copy = new int[length + added.Length + Math.Max(1024, (length + added.Length) / 10)];
        Items.AsSpan(0, length).CopyTo(copy);
        added.CopyTo(copy.AsSpan(length));
        return new GrowingInts(copy, length + added.Length);
    }
}
