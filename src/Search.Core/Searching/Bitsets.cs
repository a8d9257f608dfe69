namespace Search.Core.Searching;

/// <summary>Sets of rowids as bits, 64 to a word: what filters are made of.</summary>
internal static class Bitsets
{
    public static bool Has(ulong[] bits, long rowid)
    {
        var word = rowid >> 6;
        return word < bits.Length && (bits[word] & (1UL << (int)(rowid & 63))) != 0;
    }

    /// <summary>The rowids every set holds, as a new set (the sets may be cached and shared).</summary>
    public static ulong[] And(IReadOnlyList<ulong[]> sets)
    {
        var length = sets.Min(s => s.Length);
        var result = sets[0][..length];
        for (var s = 1; s < sets.Count; s++)
        {
            var other = sets[s];
            for (var w = 0; w < length; w++)
            {
                result[w] &= other[w];
            }
        }

        return result;
    }
}
