using System.Buffers.Binary;
using System.Text;
using Search.Core.Indexing;

namespace Search.Core.Extraction;

/// <summary>
/// A document's entities as the index stores them: one blob per document, beside its text. Until schema version 5
/// this was a JSON array with every member of every mention, and it was larger than the text itself (2,536
/// characters a document against a body of 2,269 on average in a build of 20,000 documents), because a document names
/// the same place, person or year many times and each mention repeated its kind, value, labels and the words it
/// covers. Storing it was a tenth of a build's time and a third of the index (docs/performance.md, seventh round).
/// Now each distinct entity is written once, each mention is its entity's number and its offsets, and a mention's
/// words are not written at all when they are the text's own between those offsets (always, for what the extractors
/// find). Layout, every number an unsigned LEB128 varint unless said otherwise:
/// <list type="bullet">
/// <item>strings: a count, then each as its UTF-8 length and bytes; every string below is a number into this table;</item>
/// <item>entities: a count, then each as a set of flags (<see cref="Member"/>), kind, value and label, the optional
/// strings its flags name in the order of the flags, from and to (zigzag) when not 0, number and upper as
/// little-endian doubles when present;</item>
/// <item>mentions, in the order given: a count, then each as its entity's number times two (plus one when its words are
/// stored), the start as the gap from the previous mention's start and the length (both zigzag: nothing holds an
/// entity to an order or an end after its start), and the words' string when stored.</item>
/// </list>
/// </summary>
public static class StoredEntities
{
    [Flags]
    private enum Member
    {
        LabelFa = 1,
        Type = 2,
        Discovered = 4,
        Precision = 8,
        Calendar = 16,
        SolarHijri = 32,
        Part = 64,
        From = 128,
        To = 256,
        Number = 512,
        Upper = 1024,
        Qualifier = 2048,
        Unit = 4096,
    }

    // The writer encodes on one thread; the tables are kept between documents so that a build allocates them once.
    [ThreadStatic]
    private static Encoder? t_encoder;

    /// <summary>The blob of <paramref name="entities"/>, found in <paramref name="text"/>; valid until the next call on this thread.</summary>
    public static ReadOnlySpan<byte> Encode(IReadOnlyList<Entity> entities, string text) => (t_encoder ??= new Encoder()).Encode(entities, text);

    /// <summary>The entities of a blob that <see cref="Encode"/> wrote for <paramref name="text"/>, in their order.</summary>
    public static List<Entity> Decode(ReadOnlySpan<byte> blob, string text)
    {
        var read = new Reader(blob);
        var strings = new string[read.Count()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = read.Utf8();
        }

        var kinds = new Entity[read.Count()];
        for (var i = 0; i < kinds.Length; i++)
        {
            // The members are read in the order of the initializer, which is the order Encode writes them in.
            var has = (Member)read.Count();
            kinds[i] = new Entity
            {
                Kind = strings[read.Count()],
                Value = strings[read.Count()],
                Label = strings[read.Count()],
                Text = "",
                Start = 0,
                End = 0,
                LabelFa = read.Optional(has, Member.LabelFa, strings),
                Type = read.Optional(has, Member.Type, strings),
                Discovered = has.HasFlag(Member.Discovered),
                Precision = read.Optional(has, Member.Precision, strings),
                Calendar = read.Optional(has, Member.Calendar, strings),
                SolarHijri = read.Optional(has, Member.SolarHijri, strings),
                Part = read.Optional(has, Member.Part, strings),
                From = has.HasFlag(Member.From) ? read.ZigZag() : 0,
                To = has.HasFlag(Member.To) ? read.ZigZag() : 0,
                Number = has.HasFlag(Member.Number) ? read.Double() : null,
                Upper = has.HasFlag(Member.Upper) ? read.Double() : null,
                Qualifier = read.Optional(has, Member.Qualifier, strings),
                Unit = read.Optional(has, Member.Unit, strings),
            };
        }

        var count = read.Count();
        var mentions = new List<Entity>(count);
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var which = read.Count();
            start += read.ZigZag();
            var end = start + read.ZigZag();
            string words;
            if ((which & 1) == 1)
            {
                words = strings[read.Count()];
            }
            else if (start >= 0 && end >= start && end <= text.Length)
            {
                words = text[start..end];
            }
            else
            {
                throw new Searching.IndexFormatException($"a stored entity's offsets ({start}-{end}) lie outside its text of {text.Length} characters");
            }

            mentions.Add(kinds[which >> 1] with { Start = start, End = end, Text = words });
        }

        return mentions;
    }

    private ref struct Reader(ReadOnlySpan<byte> blob)
    {
        private readonly ReadOnlySpan<byte> _blob = blob;
        private int _position;

        public int Count() => checked((int)Varint.Read(_blob, ref _position));

        public int ZigZag()
        {
            var raw = (uint)Varint.Read(_blob, ref _position);
            return (int)(raw >> 1) ^ -(int)(raw & 1);
        }

        public double Double()
        {
            var value = BinaryPrimitives.ReadDoubleLittleEndian(_blob.Slice(_position, 8));
            _position += 8;
            return value;
        }

        public string Utf8()
        {
            var length = Count();
            var value = Encoding.UTF8.GetString(_blob.Slice(_position, length));
            _position += length;
            return value;
        }

        public string? Optional(Member has, Member member, string[] strings) => has.HasFlag(member) ? strings[Count()] : null;
    }

    private sealed class Encoder
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly List<string> _stringOrder = [];
        private readonly Dictionary<Entity, int> _kinds = [];
        private readonly List<Entity> _kindOrder = [];
        private readonly List<(int Kind, int Start, int End, int Words)> _mentions = [];
        private byte[] _bytes = new byte[4096];
        private int _length;

        public ReadOnlySpan<byte> Encode(IReadOnlyList<Entity> entities, string text)
        {
            _strings.Clear();
            _stringOrder.Clear();
            _kinds.Clear();
            _kindOrder.Clear();
            _mentions.Clear();
            _length = 0;

            // First pass: number the distinct entities (a mention without its place) and every string they hold.
            foreach (var e in entities)
            {
                var kind = e with { Start = 0, End = 0, Text = "" };
                if (!_kinds.TryGetValue(kind, out var number))
                {
                    number = _kinds[kind] = _kindOrder.Count;
                    _kindOrder.Add(kind);
                    foreach (var s in (string?[])[kind.Kind, kind.Value, kind.Label, kind.LabelFa, kind.Type, kind.Precision, kind.Calendar, kind.SolarHijri, kind.Part, kind.Qualifier, kind.Unit])
                    {
                        StringNumber(s);
                    }
                }

                var own = e.Start >= 0 && e.End >= e.Start && e.End <= text.Length && text.AsSpan(e.Start, e.End - e.Start).SequenceEqual(e.Text);
                _mentions.Add((number, e.Start, e.End, own ? -1 : StringNumber(e.Text)));
            }

            Unsigned(_stringOrder.Count);
            foreach (var s in _stringOrder)
            {
                var length = Encoding.UTF8.GetByteCount(s);
                Unsigned(length);
                Room(length);
                _length += Encoding.UTF8.GetBytes(s, _bytes.AsSpan(_length));
            }

            Unsigned(_kindOrder.Count);
            foreach (var k in _kindOrder)
            {
                var has = (k.LabelFa is null ? 0 : Member.LabelFa) | (k.Type is null ? 0 : Member.Type) | (k.Discovered ? Member.Discovered : 0)
                    | (k.Precision is null ? 0 : Member.Precision) | (k.Calendar is null ? 0 : Member.Calendar) | (k.SolarHijri is null ? 0 : Member.SolarHijri)
                    | (k.Part is null ? 0 : Member.Part) | (k.From == 0 ? 0 : Member.From) | (k.To == 0 ? 0 : Member.To)
                    | (k.Number is null ? 0 : Member.Number) | (k.Upper is null ? 0 : Member.Upper)
                    | (k.Qualifier is null ? 0 : Member.Qualifier) | (k.Unit is null ? 0 : Member.Unit);
                Unsigned((int)has);
                foreach (var s in (string?[])[k.Kind, k.Value, k.Label, k.LabelFa, k.Type, k.Precision, k.Calendar, k.SolarHijri, k.Part])
                {
                    Text(s);
                }

                if (k.From != 0)
                {
                    ZigZag(k.From);
                }

                if (k.To != 0)
                {
                    ZigZag(k.To);
                }

                Double(k.Number);
                Double(k.Upper);
                Text(k.Qualifier);
                Text(k.Unit);
            }

            Unsigned(_mentions.Count);
            var previous = 0;
            foreach (var (kind, start, end, words) in _mentions)
            {
                Unsigned((kind << 1) | (words < 0 ? 0 : 1));
                ZigZag(start - previous);
                ZigZag(end - start);
                if (words >= 0)
                {
                    Unsigned(words);
                }

                previous = start;
            }

            return _bytes.AsSpan(0, _length);
        }

        private int StringNumber(string? s)
        {
            if (s is null)
            {
                return -1;
            }

            if (!_strings.TryGetValue(s, out var number))
            {
                number = _strings[s] = _stringOrder.Count;
                _stringOrder.Add(s);
            }

            return number;
        }

        private void Text(string? s)
        {
            if (s is not null)
            {
                Unsigned(_strings[s]);
            }
        }

        private void Unsigned(int value)
        {
            Room(5);
            _length += Varint.Write(_bytes.AsSpan(_length), checked((uint)value));
        }

        private void ZigZag(int value)
        {
            Room(5);
            _length += Varint.Write(_bytes.AsSpan(_length), (uint)((value << 1) ^ (value >> 31)));
        }

        private void Double(double? value)
        {
            if (value is { } v)
            {
                Room(8);
                BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(_length), v);
                _length += 8;
            }
        }

        private void Room(int bytes)
        {
            if (_length + bytes > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));
            }
        }
    }
}
