using System.Numerics;

namespace Search.Core.Analysis;

/// <summary>
/// The term stages' memory of short terms, up to <see cref="MaxLength"/> UTF-16 units (99 tokens in 100 of the first
/// 30,000 documents of the 1M corpus): an open table whose slot holds the term's characters themselves beside what
/// the stages made of it and its number, so that finding a term reads one slot. A dictionary keyed by the term's
/// string reads its bucket, its entry and the key's characters, three places apart in memory: with some 90,000
/// Persian words in use at a time, about 120 ns a token here, most of it waiting for memory. One thread's: it is not
/// safe to share.
/// </summary>
internal sealed class ShortTerms
{
    /// <summary>The longest term kept here: twelve characters, packed into three 64-bit words.</summary>
    public const int MaxLength = 12;

    // Powers of two, filled to three quarters at most: the table doubles up to the largest, which is then cleared
    // (see Add). A table starts small: an analyzer used for a few texts does not hold megabytes per thread.
    private const int FirstSize = 1 << 10;
    private const int LargestSize = 1 << 17;

    /// <summary>How many terms the table holds before it is cleared.</summary>
    public const int Capacity = LargestSize / 4 * 3;

    private Slot[] _slots = new Slot[FirstSize];

    public int Count { get; private set; }

    /// <summary>
    /// The slot of <paramref name="key"/> (not empty, and at most <see cref="MaxLength"/> long), found or empty, and
    /// whether it was found.
    /// </summary>
    public ref Slot Find(ReadOnlySpan<char> key, out bool found)
    {
        var (a, b, c) = Pack(key);
        return ref Probe(_slots, a, b, c, out found);
    }

    /// <summary>
    /// Fills the empty slot <see cref="Find"/> gave for <paramref name="key"/>, after which that slot is not to be used
    /// (the table may have grown). When the table is full it is emptied instead and nothing is added: the next sight
    /// of a word adds it again, so the table fills with the words now in use.
    /// </summary>
    public void Add(ref Slot slot, ReadOnlySpan<char> key, string? term, int number)
    {
        if (Count >= Capacity)
        {
            Clear();
            return;
        }

        (slot.A, slot.B, slot.C) = Pack(key);
        slot.Term = term;
        slot.Number = number;
        if (++Count > _slots.Length / 4 * 3)
        {
            Grow();
        }
    }

    public void Clear()
    {
        _slots = new Slot[FirstSize];
        Count = 0;
    }

    private void Grow()
    {
        var larger = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (slot.A != 0)
            {
                Probe(larger, slot.A, slot.B, slot.C, out _) = slot;
            }
        }

        _slots = larger;
    }

    private static ref Slot Probe(Slot[] slots, ulong a, ulong b, ulong c, out bool found)
    {
        var mask = slots.Length - 1;
        var at = (int)(Mix(a, b, c) & (uint)mask);
        while (true)
        {
            ref var slot = ref slots[at];
            if (slot.A == a && slot.B == b && slot.C == c)
            {
                found = true;
                return ref slot;
            }

            if (slot.A == 0)
            {
                found = false;
                return ref slot;
            }

            at = (at + 1) & mask;
        }
    }

    // Four characters to a word, the first in the low bits. A shorter key leaves zeros, which no character of a token
    // is, so keys of different lengths never pack alike, and A is never zero, which marks an empty slot.
    private static (ulong A, ulong B, ulong C) Pack(ReadOnlySpan<char> key)
    {
        ulong a = 0, b = 0, c = 0;
        for (var i = 0; i < key.Length && i < 4; i++)
        {
            a |= (ulong)key[i] << (16 * i);
        }

        for (var i = 4; i < key.Length && i < 8; i++)
        {
            b |= (ulong)key[i] << (16 * (i - 4));
        }

        for (var i = 8; i < key.Length; i++)
        {
            c |= (ulong)key[i] << (16 * (i - 8));
        }

        return (a, b, c);
    }

    // Multiplies by odd constants and folds the high bits in, so that keys alike in their low characters spread.
    private static uint Mix(ulong a, ulong b, ulong c)
    {
        var h = (a * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(b * 0xC2B2AE3D27D4EB4FUL, 31) ^ BitOperations.RotateLeft(c * 0x165667B19E3779F9UL, 17);
        return (uint)(h >> 32) ^ (uint)h;
    }

    /// <summary>A term's characters (A, B, C), what the stages made of it (null: removed), and its number.</summary>
    public struct Slot
    {
        public ulong A;
        public ulong B;
        public ulong C;
        public string? Term;
        public int Number;
    }
}
