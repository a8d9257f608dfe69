using Search.Core.Analysis;

namespace Search.Core.Searching;

/// <summary>
/// Cuts a snippet from a document's original text around the densest group of matched words. Matches are found by
/// analyzing the text with the same analyzer the index used, so a mark always covers a whole word as written
/// ("Khamenei’s", "کتاب‌ها") even when the query spelled it another way. The index keeps no highlight data, so this is
/// the only place snippets can come from.
/// </summary>
public sealed class Snippeter(IAnalyzer analyzer)
{
    public const int Length = 240;
    private const int Lead = 60;
    private const int MaxAnalyzed = 60_000;

    // The text is analyzed a chunk at a time, and analysis stops after the first chunk with a match (and a margin
    // beyond it, for the marks of the window): a long report costs what its opening costs.
    private const int Chunk = 2_000;
    private const int Margin = Length + 200;

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
        while (from < until)
        {
            var to = ChunkEnd(text, from, Math.Min(until, from + Chunk));
            foreach (var token in analyzer.Analyze(text[from..to]))
            {
                if (terms.Contains(token.Term) || prefixes.Any(p => token.Term.StartsWith(p, StringComparison.Ordinal)))
                {
                    matches.Add(token with { Start = token.Start + from, End = token.End + from });
                }
            }

            if (matches.Count > 0 && until == limit)
            {
                until = Math.Min(limit, ChunkEnd(text, to, Math.Min(limit, to + Margin)));
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

        var anchor = matches.Count == 0 ? 0 : BestAnchor(matches);
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

    /// <summary>A chunk boundary at white space at or before <paramref name="at"/>, so that no word is cut in two.</summary>
    private static int ChunkEnd(string text, int from, int at)
    {
        if (at >= text.Length)
        {
            return text.Length;
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], at, Math.Min(at - from, 200));
        return space > from ? space : at;
    }

    /// <summary>The start offset of the match whose window holds the most distinct matched terms.</summary>
    private static int BestAnchor(List<Token> matches)
    {
        var bestStart = matches[0].Start;
        var bestScore = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
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

        return bestStart;
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
