using System.Text;

namespace Search.Core.Analysis;

/// <summary>
/// Splits text into words of one script each, keeping UTF-16 offsets into the original text.
/// Arabic-script words keep their inner ZWNJ, ZWJ, soft hyphens, tatweel and harakat (the Persian chain removes them,
/// so "می‌خواهم" stays one word); numbers keep their separators while they are read and come out as plain digits;
/// Latin words keep inner apostrophes (for the possessive stage) and single-letter acronyms ("U.S.") stay whole.
/// Hyphens, slashes and all other punctuation split.
/// </summary>
public static class ScriptTokenizer
{
    public static List<WorkToken> Tokenize(string text)
    {
        // About one token in six characters of text: sized once instead of grown by doubling for every document.
        var tokens = new List<WorkToken>(text.Length / 6 + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int end;
            if (CharClass.IsArabicLetter(c))
            {
                end = ReadArabicWord(text, i);
                Add(tokens, text, new WorkToken(text[i..end], i, end, tokens.Count, TokenScript.Arabic));
            }
            else if (CharClass.IsDigit(c))
            {
                end = ReadNumber(text, i, out var number);
                if (end < text.Length && CharClass.IsOtherLetter(text[end]))
                {
                    // "20th", "1980s", "9mm": a Latin word that starts with digits.
                    end = ReadLatinWord(text, end);
                    Add(tokens, text, new WorkToken(FoldDigits(text.AsSpan(i, end - i)), i, end, tokens.Count, TokenScript.Latin));
                }
                else
                {
                    Add(tokens, text, new WorkToken(number, i, end, tokens.Count, TokenScript.Number));
                }
            }
            else if (CharClass.IsOtherLetter(c) && char.IsLetter(c))
            {
                end = ReadLatinWord(text, i);
                Add(tokens, text, new WorkToken(text[i..end], i, end, tokens.Count, TokenScript.Latin));
            }
            else
            {
                end = i + 1;
            }

            i = end;
        }

        return tokens;
    }

    private static void Add(List<WorkToken> tokens, string text, WorkToken token)
    {
        if (tokens.Count > 0)
        {
            var gap = token.Start - tokens[^1].End;
            token.FollowsSpace = gap is 1 or 2 && text.AsSpan(tokens[^1].End, gap).IsWhiteSpace();
        }

        tokens.Add(token);
    }

    private static int ReadArabicWord(string text, int start)
    {
        var end = start + 1;
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClass.IsArabicLetter(c) || CharClass.IsArabicMark(c))
            {
                end = i + 1;
            }
            else if (!CharClass.IsArabicJoiner(c))
            {
                break;
            }

            i++;
        }

        // A trailing ZWNJ or tatweel belongs to no letter: the word ends at its last letter or mark.
        return end;
    }

    private static int ReadLatinWord(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClass.IsOtherLetter(c) || CharClass.IsDigit(c))
            {
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && CharClass.IsOtherLetter(text[i + 1]))
            {
                i++;
            }
            else if (c == '.' && IsAcronymDot(text, start, i))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // "prisoners'": the plural possessive apostrophe belongs to the word, for the possessive stage to remove.
        if (i < text.Length && IsApostrophe(text[i]) && i > start && text[i - 1] is 's' or 'S' && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
        {
            i++;
        }

        return i;
    }

    /// <summary>True at a dot in "U.S." or "u.s.a": single letters separated by dots.</summary>
    private static bool IsAcronymDot(string text, int start, int dot)
    {
        var segmentStart = text.LastIndexOf('.', dot - 1, dot - start) + 1;
        if (segmentStart < start)
        {
            segmentStart = start;
        }

        var singleLetterBefore = dot - segmentStart == 1 && char.IsLetter(text[dot - 1]);
        var singleLetterAfter = dot + 1 < text.Length && char.IsLetter(text[dot + 1])
            && (dot + 2 == text.Length || !char.IsLetterOrDigit(text[dot + 2]));
        return singleLetterBefore && singleLetterAfter;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>
    /// Reads digits with their separators. A comma (or U+066C ARABIC THOUSANDS SEPARATOR) counts as a thousands
    /// separator only when exactly three digits follow it; a dot (or U+066B ARABIC DECIMAL SEPARATOR) continues the
    /// number when a digit follows, so "8.8.1" and "3.5" stay whole. The number comes out in ASCII digits without
    /// thousands separators.
    /// </summary>
    private static int ReadNumber(string text, int start, out string number)
    {
        var sb = new StringBuilder();
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            var d = CharClass.DigitValue(c);
            if (d >= 0)
            {
                sb.Append((char)('0' + d));
                i++;
            }
            else if (c is ',' or '\u066C' && ThreeDigitsFollow(text, i + 1))
            {
                i++;
            }
            else if (c is '.' or '\u066B' && i + 1 < text.Length && CharClass.IsDigit(text[i + 1]))
            {
                sb.Append('.');
                i++;
            }
            else
            {
                break;
            }
        }

        number = sb.ToString();
        return i;
    }

    private static bool ThreeDigitsFollow(string text, int at) =>
        at + 3 <= text.Length
        && CharClass.IsDigit(text[at]) && CharClass.IsDigit(text[at + 1]) && CharClass.IsDigit(text[at + 2])
        && (at + 3 == text.Length || !CharClass.IsDigit(text[at + 3]));

    public static string FoldDigits(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var d = CharClass.DigitValue(c);
            sb.Append(d >= 0 ? (char)('0' + d) : c);
        }

        return sb.ToString();
    }
}
