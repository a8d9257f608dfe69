using Search.Core.Analysis;
using Search.Core.Languages.Persian;

namespace Search.Core.Searching;

/// <summary>
/// Cuts a snippet from a document's original text around the densest group of matched words. Matches are found by
/// analyzing the text with the same analyzer the index used, so a mark always covers a whole word as written
/// ("Khamenei’s", "کتاب‌ها") even when the query spelled it another way. The index keeps no highlight data, so this is
/// the only place snippets can come from.
/// </summary>
public sealed class Snippeter
{
    public const int Length = 240;
    private const int Lead = 60;
    private const int MaxAnalyzed = 60_000;

    // The text is analyzed a chunk at a time, and analysis stops past the first chunk with a match: a long report
    // costs what its opening costs. It looks for the best window no further than Region characters from that chunk's
    // start, and a margin past them for the marks of a window; and it stops as soon as a window holds every term and
    // prefix asked for, with the margin past that window: no later window can hold more, and the earliest best one is
    // the snippet. Analysis is most of a snippet's cost (a hit's text analyzed to its first match), and a word found
    // early in a text then costs a few hundred characters of it instead of two thousand.
    private const int Margin = Length + 200;
    private readonly IAnalyzer _analyzer;
    private readonly int _chunk;
    private readonly int _region;
    private readonly bool _stopEarly;

    public Snippeter(IAnalyzer analyzer)
        : this(analyzer, chunk: 500, region: 2_000, stopEarly: true)
    {
    }

    /// <summary>Settable for tests: one chunk of the whole text and no early stop is the reference a snippet must equal.</summary>
    internal Snippeter(IAnalyzer analyzer, int chunk, int region, bool stopEarly)
    {
        _analyzer = analyzer;
        _chunk = chunk;
        _region = region;
        _stopEarly = stopEarly;
    }

    /// <param name="text">The document's original text.</param>
    /// <param name="terms">Analyzed query terms to mark.</param>
    /// <param name="prefixes">Analyzed prefixes: words that start with one are marked.</param>
    /// <param name="spans">Spans to mark as they are: mentions of the entities the query named, in any script.</param>
    public Snippet Cut(string text, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes, IEnumerable<(int Start, int End)>? spans = null)
    {
        var limit = Math.Min(text.Length, MaxAnalyzed);
        var matches = new List<Token>();
        var spanList = spans?.OrderBy(s => s.Start).ToList() ?? [];
        var from = 0;
        // Marked entity mentions are matches already: words need looking for only up to just past the first of them.
        var until = spanList.Count > 0 ? Math.Min(limit, spanList[0].End + Margin) : limit;
        // Texts with entity mentions, which count as matches of their own, are read to the end of the region.
        var wanted = _stopEarly && spanList.Count == 0 ? terms.Count + prefixes.Count : 0;
        while (from < until)
        {
            var to = ChunkEnd(text, from, Math.Min(until, from + _chunk));
            var before = matches.Count;
            foreach (var token in _analyzer.Analyze(text[from..to]))
            {
                // A match is known by what it answers, the term or the prefix: a window's worth is how many of those
                // it holds, and words of one prefix count once ("prison", "prisoners" and "print" for "pri*").
                if ((terms.Contains(token.Term) ? token.Term : PrefixOf(token.Term, prefixes)) is { } asked)
                {
                    matches.Add(new Token(asked, token.Start + from, token.End + from, token.Position));
                }
            }

            if (matches.Count > 0 && until == limit)
            {
                until = Math.Min(limit, ChunkEnd(text, to, Math.Min(limit, Math.Max(to, from + _region) + Margin)));
            }

            if (wanted > 0 && matches.Count > before && BestWindow(matches) is var (window, score) && score >= wanted)
            {
                until = Math.Min(until, ChunkEnd(text, to, Math.Min(limit, Math.Max(to, window + Margin))));
            }

            from = to;
        }

        if (spanList.Count > 0)
        {
            // An entity mention counts as a match of its own: "Khomeini" in the text when the query said خمینی.
            matches.AddRange(spanList.Where(s => s.End <= text.Length).Select(s => new Token("\u0001entity", s.Start, s.End, -1)));
            matches.Sort((a, b) => a.Start.CompareTo(b.Start));
            matches = [.. matches.Where((m, i) => i == 0 || m.Start >= matches[i - 1].End)];
        }

        var anchor = matches.Count == 0 ? 0 : BestWindow(matches).Start;
        var start = anchor == 0 ? 0 : WordStartAtOrBefore(text, Math.Max(0, anchor - Lead));
        var end = WordEndAtOrAfter(text, Math.Min(text.Length, start + Length));
        var marks = matches
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => (m.Start - start, m.End - start))
            .ToList();
        var snippet = text[start..end];
        var trimmedStart = snippet.Length - snippet.TrimStart().Length;
        var trimmed = snippet.Trim();
        marks = [.. marks.Select(m => (m.Item1 - trimmedStart, m.Item2 - trimmedStart))];
        return new Snippet(Collapse(trimmed, marks, out var collapsedMarks), collapsedMarks, start > 0, end < text.Length);
    }

    /// <summary>The first of the prefixes the term starts with, or null.</summary>
    private static string? PrefixOf(string term, IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>
    /// A chunk boundary at white space at or before <paramref name="at"/>, so that no word is cut in two, and where
    /// the Persian affix joiner could not join the words on either side ("می خواهم" analyzed in two chunks would no
    /// longer be one word): after punctuation, beside a word of another script, or at wider space. Any white space
    /// when none such is near.
    /// </summary>
    private static int ChunkEnd(string text, int from, int at)
    {
        if (at >= text.Length)
        {
            return text.Length;
        }

        var fallback = -1;
        for (var i = at; i > from && i >= at - 200; i--)
        {
            if (text[i] is not (' ' or '\n' or '\t'))
            {
                continue;
            }

            if (!PersianAffixJoiner.MayJoinAcross(text, i))
            {
                return i;
            }

            fallback = fallback < 0 ? i : fallback;
        }

        return fallback > from ? fallback : at;
    }

    /// <summary>The start offset of the match whose window holds the most distinct matched terms (the earliest of the best), and how many it holds.</summary>
    private static (int Start, int Score) BestWindow(List<Token> matches)
    {
        var bestStart = matches[0].Start;
        var bestScore = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            distinct.Clear();
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= Length - Lead; j++)
            {
                distinct.Add(matches[j].Term);
            }

            if (distinct.Count > bestScore)
            {
                bestScore = distinct.Count;
                bestStart = matches[i].Start;
            }
        }

        return (bestStart, bestScore);
    }

    private static int WordStartAtOrBefore(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEndAtOrAfter(string text, int at)
    {
        var limit = Math.Min(text.Length, at + 30);
        while (at < limit && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Folds runs of white space (line breaks between paragraphs) into one space, moving the marks with the text.</summary>
    private static string Collapse(string text, List<(int, int)> marks, out IReadOnlyList<(int Start, int End)> moved)
    {
        var map = new int[text.Length + 1];
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = sb.Length;
            if (char.IsWhiteSpace(text[i]))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        map[text.Length] = sb.Length;
        moved = [.. marks.Where(m => m.Item1 >= 0 && m.Item2 <= text.Length).Select(m => (map[m.Item1], map[m.Item2]))];
        return sb.ToString();
    }
}
