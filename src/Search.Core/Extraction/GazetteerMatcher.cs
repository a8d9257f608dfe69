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
                    _starts.Add(string.Concat(terms.Take(n)));
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
    public IEnumerable<Entity> Match(string text, IReadOnlyList<Token> tokens)
    {
        // The terms from a word on are written together into one buffer and looked up as a span: no string is made
        // for any run of terms that is not a name.
        var byKey = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var starts = _starts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[_maxKeyLength];
        var i = 0;
        while (i < tokens.Count)
        {
            (GazetteerEntry Entry, int End)? best = null;
            var length = 0;
            for (var j = i; j < tokens.Count && j < i + MaxWords; j++)
            {
                if (j > i && CrossesPunctuation(text, tokens[j - 1], tokens[j]))
                {
                    break; // "Khavaran (a cemetery": a name does not run across a bracket or a comma
                }

                var term = tokens[j].Term;
                if (length + term.Length > _maxKeyLength)
                {
                    break;
                }

                term.CopyTo(buffer.AsSpan(length));
                length += term.Length;
                var key = buffer.AsSpan(0, length);
                if (!starts.Contains(key))
                {
                    break;
                }

                if (byKey.TryGetValue(key, out var found) && IsNameShaped(text, tokens[i], j - i + 1))
                {
                    best = (found[0].Entry, j);
                }
            }

            if (best is { } match)
            {
                var start = tokens[i].Start;
                var end = tokens[match.End].End;
                var e = match.Entry;
                yield return new Entity
                {
                    Kind = e.Kind,
                    Value = e.Id,
                    Label = e.LabelEn,
                    LabelFa = e.LabelFa,
                    Type = e.Type,
                    Text = text[start..end],
                    Start = start,
                    End = end,
                };
                i = match.End + 1;
            }
            else
            {
                i++;
            }
        }
    }

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
