namespace Search.Core.Searching;

/// <summary>
/// The best buckets of every view of one count and their counts, per view most documents first: what a result shows,
/// and how the facet counts of a generation's frequent words are kept (a hundred thousand of them at a million
/// documents). They are packed in one array of bytes, as varints (seven bits a byte, low bits first): per view the
/// number of its values, then per value its bucket's number within the view and how many fewer documents it has than
/// the value before it (the first, its count). A word's values are mostly small numbers within their views and runs
/// of equal counts: the 61,475 words in at least 50 documents at a million documents took 96.6 MB as two integer
/// arrays a view (eight bytes a value, two objects a view) and take 27.1 MB packed.
/// </summary>
internal sealed class FacetTops(byte[] packed)
{
    /// <summary>Roughly what it holds in memory: the object, the array's header and its bytes.</summary>
    public long Bytes => 24 + 24 + ((packed.Length + 7) & ~7);

    /// <summary>The values in order: per view, <see cref="Reader.NextView"/> and then as many <see cref="Reader.NextValue"/>.</summary>
    public Reader Read() => new(packed);

    /// <summary>The most bytes <paramref name="views"/> views of <paramref name="values"/> values in all can take packed.</summary>
    public static int MaxBytes(int views, int values) => (5 * views) + (10 * values);

    /// <summary>Writes views one after another into a buffer of at least their <see cref="MaxBytes"/>.</summary>
    public ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _length;
        private int _previous;

        public void StartView(int values)
        {
            Write((uint)values);
            _previous = -1;
        }

        /// <summary>A value of the view: counts must come largest first, as the result lists them.</summary>
        public void Value(int localBucket, int count)
        {
            Write((uint)localBucket);
            Write((uint)(_previous < 0 ? count : _previous - count));
            _previous = count;
        }

        public readonly FacetTops ToTops() => new(_buffer[.._length].ToArray());

        private void Write(uint value)
        {
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[_length++] = (byte)value;
        }
    }

    public struct Reader(byte[] packed)
    {
        private int _at;
        private int _count;

        /// <summary>The number of values of the next view.</summary>
        public int NextView()
        {
            _count = -1;
            return (int)Next();
        }

        /// <summary>The next value of the view: its bucket's number within the view and its count.</summary>
        public (int LocalBucket, int Count) NextValue()
        {
            var local = (int)Next();
            var step = (int)Next();
            _count = _count < 0 ? step : _count - step;
            return (local, _count);
        }

        private uint Next()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = packed[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
