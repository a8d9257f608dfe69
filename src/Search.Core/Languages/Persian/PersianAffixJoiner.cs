using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>
/// Makes the three spellings of one Persian word one token: "می‌خواهم", "میخواهم" and "می خواهم". Verbal prefixes
/// typed as a separate word (می, نمی) are joined to the word after them, and detached suffixes (ها, های, تر, ترین,
/// ای…) to the word before them. Runs after letter normalization, so Arabic-yeh spellings (مي) join too, and before
/// stop words, so a joined prefix is not dropped as a stop word.
/// </summary>
public sealed class PersianAffixJoiner : ITokenFilter
{
    internal static readonly HashSet<string> Prefixes = ["\u0645\u06CC", "\u0646\u0645\u06CC"]; // می نمی

    internal static readonly HashSet<string> Suffixes =
    [
        "\u0647\u0627", // ها
        "\u0647\u0627\u06CC", // های
        "\u0647\u0627\u06CC\u06CC", // هایی
        "\u0647\u0627\u06CC\u0645", // هایم
        "\u0647\u0627\u06CC\u062A", // هایت
        "\u0647\u0627\u06CC\u0634", // هایش
        "\u0647\u0627\u06CC\u0645\u0627\u0646", // هایمان
        "\u0647\u0627\u06CC\u062A\u0627\u0646", // هایتان
        "\u0647\u0627\u06CC\u0634\u0627\u0646", // هایشان
        "\u062A\u0631", // تر
        "\u062A\u0631\u06CC\u0646", // ترین
        "\u0627\u06CC", // ای
    ];

    public string Name => "persian-join-affixes";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script != TokenScript.Arabic)
            {
                continue;
            }

            if (Prefixes.Contains(t.Term) && IsAdjacentArabic(tokens, i, i + 1) && !Prefixes.Contains(tokens[i + 1].Term))
            {
                Merge(tokens, i);
                i--; // the merged word may still take a detached suffix
            }
            else if (i > 0 && Suffixes.Contains(t.Term) && IsAdjacentArabic(tokens, i - 1, i)
                && !Prefixes.Contains(tokens[i - 1].Term) && !Suffixes.Contains(tokens[i - 1].Term))
            {
                Merge(tokens, i - 1);
                i--;
            }
        }
    }

    /// <summary>
    /// The joiner's adjacency in characters, for text not yet split into words: whether the white space at
    /// <paramref name="at"/> lies between two Arabic-script words with one or two white-space characters between them
    /// (the tokenizer's FollowsSpace), so that the words on either side could be joined. A snippet's chunks do not end
    /// at such a space.
    /// </summary>
    internal static bool MayJoinAcross(string text, int at)
    {
        var left = at;
        while (left > 0 && char.IsWhiteSpace(text[left - 1]))
        {
            left--;
        }

        var right = at;
        while (right < text.Length && char.IsWhiteSpace(text[right]))
        {
            right++;
        }

        return right - left is 1 or 2 && left > 0 && right < text.Length
            && (CharClass.IsArabicLetter(text[left - 1]) || CharClass.IsArabicMark(text[left - 1]))
            && CharClass.IsArabicLetter(text[right]);
    }

    /// <summary>Two Arabic-script tokens, one right after the other, with only white space between them.</summary>
    private static bool IsAdjacentArabic(List<WorkToken> tokens, int left, int right) =>
        right < tokens.Count
        && tokens[left].Script == TokenScript.Arabic
        && tokens[right].Script == TokenScript.Arabic
        && tokens[right].Position == tokens[left].Position + 1
        && tokens[right].FollowsSpace;

    private static void Merge(List<WorkToken> tokens, int left)
    {
        var a = tokens[left];
        var b = tokens[left + 1];
        // Joined with a ZWNJ, as a careful typist would have written it: the stemmer reads it as the suffix boundary.
        tokens[left] = new WorkToken(a.Term + CharClass.Zwnj + b.Term, a.Start, b.End, a.Position, TokenScript.Arabic);
        tokens.RemoveAt(left + 1);
    }
}
