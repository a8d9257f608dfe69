using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// Finds gazetteer entities in analyzed text. Aliases go through the same analyzer as the text, and are matched on
/// their terms written together, so every spelling the analyzers fold matches, and so do "Pour-Mohammadi",
/// "Pour Mohammadi" and "Pourmohammadi", or "آیت‌الله" and "آیت الله". The longest match wins. A one-word Latin alias
/// matches only a capitalized word: "Judiciary" the institution, not "judiciary" the common noun.
/// </summary>
public sealed class GazetteerMatcher
{
    private const int MaxWords = 8;
    private readonly Dictionary<string, List<(GazetteerEntry Entry, int Words)>> _byKey = new(StringComparer.Ordinal);

    // Every key, and every run of an alias's first terms written together: a run of the text's terms that is none of
    // these cannot grow into a name, so the search from a word stops at its first or second term, not at MaxWords.
    private readonly HashSet<string> _starts = new(StringComparer.Ordinal);

    // The starts' bits (StartBit), 8 KB: a word whose bit is clear starts no name, and finding that out costs a test
    // instead of a lookup in the starts. The 882 starts set at most as many of the bits, so roughly one word in
    // seventy that starts nothing finds its bit set and is looked up (reckoned from the bits, not counted). The words
    // of 10,000 documents: 82-90 ns a word, 35-48 with the bits.
    private const int StartBits = 1 << 16;
    private readonly ulong[] _startBits = new ulong[StartBits / 64];
    private readonly int _maxKeyLength;

    public GazetteerMatcher(Gazetteer gazetteer, IAnalyzer analyzer)
    {
        Analyzer = analyzer;
        foreach (var entry in gazetteer.Entries)
        {
            foreach (var alias in entry.Aliases)
            {
                var terms = analyzer.Analyze(alias).Select(t => t.Term).ToList();
                if (terms.Count == 0)
                {
                    continue;
                }

                var key = string.Concat(terms);
                for (var n = 1; n <= terms.Count; n++)
                {
                    var start = string.Concat(terms.Take(n));
                    _starts.Add(start);
                    if (start.Length > 0)
                    {
                        _startBits[StartBit(start) >> 6] |= 1UL << StartBit(start);
                    }
                }

                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = [];
                }

                if (!list.Exists(l => l.Entry == entry))
                {
                    list.Add((entry, terms.Count));
                }

                _maxKeyLength = Math.Max(_maxKeyLength, key.Length);
            }
        }
    }

    public IAnalyzer Analyzer { get; }

    /// <summary>The entries whose alias is exactly these analyzed terms (for queries: "Khamenei" → ali-khamenei).</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(IReadOnlyList<string> terms) =>
        _byKey.TryGetValue(string.Concat(terms), out var list) ? [.. list.Select(l => l.Entry)] : [];

    /// <summary>Every gazetteer entity in <paramref name="text"/>, given its tokens from <see cref="Analyzer"/>.</summary>
    public List<Entity> Match(string text, IReadOnlyList<Token> tokens)
    {
        // The terms from a word on are written together into one buffer and looked up as a span: no string is made
        // for any run of terms that is not a name. A word that cannot start one (nineteen in twenty) is passed over
        // after a test of one bit (CanStart).
        var byKey = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var starts = _starts.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<Token> all = tokens as Token[] ?? [.. tokens];
        Span<char> buffer = stackalloc char[_maxKeyLength];
        var found = new List<Entity>();
        var i = 0;
        while (i < all.Length)
        {
            if (!CanStart(all[i].Term))
            {
                i++;
                continue;
            }

            (GazetteerEntry Entry, int End)? best = null;
            var length = 0;
            for (var j = i; j < all.Length && j < i + MaxWords; j++)
            {
                if (j > i && CrossesPunctuation(text, all[j - 1], all[j]))
                {
                    break; // "Khavaran (a cemetery": a name does not run across a bracket or a comma
                }

                var term = all[j].Term;
                if (length + term.Length > _maxKeyLength)
                {
                    break;
                }

                term.CopyTo(buffer[length..]);
                length += term.Length;
                var key = buffer[..length];
                if (!starts.Contains(key))
                {
                    break;
                }

                if (byKey.TryGetValue(key, out var entries) && IsNameShaped(text, all[i], j - i + 1))
                {
                    best = (entries[0].Entry, j);
                }
            }

            if (best is { } match)
            {
                var start = all[i].Start;
                var end = all[match.End].End;
                var e = match.Entry;
                found.Add(new Entity
                {
                    Kind = e.Kind,
                    Value = e.Id,
                    Label = e.LabelEn,
                    LabelFa = e.LabelFa,
                    Type = e.Type,
                    Text = text[start..end],
                    Start = start,
                    End = end,
                });
                i = match.End + 1;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>False when no run of terms from <paramref name="term"/> can be a name: its bit is not among the starts'.</summary>
    private bool CanStart(string term)
    {
        if (term.Length == 0)
        {
            return _starts.Contains(term);
        }

        var bit = StartBit(term);
        return (_startBits[bit >> 6] & (1UL << bit)) != 0;
    }

    // A start's bit, from its first and last characters and its length, which a word's string holds close together.
    private static int StartBit(string start) => ((start[0] * 0x9E37) ^ (start[^1] * 0x85EB) ^ (start.Length << 13)) & (StartBits - 1);

    private static bool CrossesPunctuation(string text, Token left, Token right)
    {
        foreach (var c in text.AsSpan(left.End, right.Start - left.End))
        {
            if (c is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"' or '\u201C' or '\u201D' or '!' or '?' or '\n' or '\u060C' or '\u061B' or '\u061F' or '/')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameShaped(string text, Token first, int words)
    {
        var c = text[first.Start];
        return words > 1 || !char.IsAsciiLetter(c) || char.IsUpper(c);
    }
}
