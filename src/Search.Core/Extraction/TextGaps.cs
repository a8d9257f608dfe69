namespace Search.Core.Extraction;

/// <summary>What lies between two words of a text: white space only, a hyphen, a sentence break…</summary>
public static class TextGaps
{
    public static ReadOnlySpan<char> Between(string text, TextWord left, TextWord right) => text.AsSpan(left.End, Math.Max(0, right.Start - left.End));

    /// <summary>Only white space (or nothing) between the words.</summary>
    public static bool IsSpace(string text, TextWord left, TextWord right) => Between(text, left, right).IsWhiteSpace();

    /// <summary>Punctuation that ends a phrase lies between the words: . , ; : ! ? and their Persian forms, brackets, a line break.</summary>
    public static bool IsBreak(string text, TextWord left, TextWord right)
    {
        foreach (var c in Between(text, left, right))
        {
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\u060C' or '\u061B' or '\u061F' or '(' or ')' or '[' or ']' or '"' or '\u201C' or '\u201D' or '\n' or '\u2014' or '\u2013')
            {
                return true;
            }
        }

        return false;
    }
}
