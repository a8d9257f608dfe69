using Search.Core.Analysis;

namespace Search.Core.Indexing;

/// <summary>
/// Splits analyzed text into the index's terms by the rule of FTS5's "ascii" tokenizer (with '.' and '_' as token
/// characters): ASCII letters and digits, '.', '_' and every non-ASCII character belong to tokens; every other ASCII
/// character separates them; ASCII capitals are folded to lower case. The index began on FTS5 with that tokenizer; our
/// postings keep its rule, so that the tests can hold them against an FTS5 table given the same text.
/// </summary>
public static class FtsTokens
{
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        foreach (var range in Ranges(text))
        {
            tokens.Add(Fold(text.AsSpan(range.Start, range.Length)));
        }

        return tokens;
    }

    /// <summary>Where each token starts and how long it is, in UTF-16 code units of <paramref name="text"/>.</summary>
    public static IEnumerable<(int Start, int Length)> Ranges(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsTokenChar(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }

    /// <summary>The number (<see cref="TermNumbers"/>) of an analyzed term the index keeps whole and as it is; -1 for one it splits or folds.</summary>
    public static int WholeNumber(string term)
    {
        if (term.Length == 0)
        {
            return -1;
        }

        foreach (var c in term)
        {
            if (!IsTokenChar(c) || char.IsAsciiLetterUpper(c))
            {
                return -1;
            }
        }

        return TermNumbers.Of(term);
    }

    /// <summary>Adds the numbers of the index's terms in <paramref name="text"/>, split and folded, to <paramref name="numbers"/>.</summary>
    public static void AddNumbers(string text, List<int> numbers)
    {
        foreach (var (start, length) in Ranges(text))
        {
            numbers.Add(TermNumbers.Of(Fold(text.AsSpan(start, length))));
        }
    }

    public static bool IsTokenChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c is '.' or '_';

    /// <summary>The token with ASCII capitals folded to lower case, as the index stores it.</summary>
    public static string Fold(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return string.Create(token.Length, token.ToString(), static (span, s) =>
                {
                    for (var i = 0; i < s.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterUpper(s[i]) ? (char)(s[i] | 0x20) : s[i];
                    }
                });
            }
        }

        return token.ToString();
    }
}
