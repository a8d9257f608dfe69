using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>
/// Folds the many ways Persian is typed into one form: Arabic letter variants to the Persian letters, hamza carriers
/// to their base letters, all digits to ASCII; removes harakat and tatweel. The invisible joiners (ZWNJ, and ZWJ or
/// a soft hyphen typed in its place) become one ZWNJ, which the stemmer reads as the boundary of a suffix and a
/// later stage removes (<see cref="RemoveJoiners"/>). Pure: no knowledge of tokens, streams or indexes.
/// </summary>
public static class PersianLetters
{
    public static string Normalize(string word)
    {
        // Most words are typed in the normal form already: they come back as they are, without a copy.
        var first = 0;
        while (first < word.Length && word[first] != CharClass.Zwnj && Map(word[first]) == word[first])
        {
            first++;
        }

        if (first == word.Length)
        {
            return word;
        }

        var buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan(0, first).CopyTo(buffer);
        var length = first;
        for (var i = first; i < word.Length; i++)
        {
            var mapped = Map(word[i]);
            if (mapped == '\0' || (mapped == CharClass.Zwnj && (length == 0 || buffer[length - 1] == CharClass.Zwnj)))
            {
                continue;
            }

            buffer[length++] = mapped;
        }

        if (length > 0 && buffer[length - 1] == CharClass.Zwnj)
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>The normalized form without joiners: the form terms take in the index.</summary>
    public static string Fold(string word) => RemoveJoiners(Normalize(word));

    /// <summary>Removes every ZWNJ: "می‌خواهم" and "میخواهم" become the same term.</summary>
    public static string RemoveJoiners(string word) =>
        word.Contains(CharClass.Zwnj, StringComparison.Ordinal) ? word.Replace(CharClass.Zwnj.ToString(), "", StringComparison.Ordinal) : word;

    /// <summary>The normalized form of one character, or '\0' when the character is removed.</summary>
    public static char Map(char c)
    {
        if (CharClass.IsArabicMark(c) || c == CharClass.Tatweel)
        {
            return '\0';
        }

        if (c is CharClass.Zwnj or CharClass.Zwj or CharClass.SoftHyphen)
        {
            return CharClass.Zwnj;
        }

        var digit = CharClass.DigitValue(c);
        if (digit >= 0)
        {
            return (char)('0' + digit);
        }

        return c switch
        {
            '\u064A' or '\u0649' or '\u06CD' or '\u06D0' or '\u0626' or '\u06D2' => '\u06CC', // ي ى ۍ ې ئ ے → ی
            '\u0643' or '\u06AA' => '\u06A9', // ك ڪ → ک
            '\u0629' or '\u06C0' or '\u06C1' or '\u06D5' => '\u0647', // ة ۀ ہ ە → ه
            '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' => '\u0627', // آ أ إ ٱ → ا
            '\u0624' => '\u0648', // ؤ → و
            _ => c,
        };
    }
}
