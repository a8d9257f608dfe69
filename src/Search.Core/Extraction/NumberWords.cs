namespace Search.Core.Extraction;

/// <summary>
/// Reads numbers written in words, in English ("thirty-three-thousand seven-hundred", "a dozen", "eight") and in
/// Persian ("دوازده هزار", "سه هزار و هفتصد"), from a run of words, and digits followed by a scale word
/// ("2 million", "۳۰ هزار"). Keys are the folded forms <see cref="TextWord"/> gives.
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> EnglishUnits = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int> PersianUnits = new(StringComparer.Ordinal)
    {
        ["صفر"] = 0, ["یک"] = 1, ["دو"] = 2, ["سه"] = 3, ["چهار"] = 4, ["پنج"] = 5, ["شش"] = 6, ["هفت"] = 7, ["هشت"] = 8,
        ["نه"] = 9, ["ده"] = 10, ["یازده"] = 11, ["دوازده"] = 12, ["سیزده"] = 13, ["چهارده"] = 14, ["پانزده"] = 15,
        ["شانزده"] = 16, ["هفده"] = 17, ["هیجده"] = 18, ["هجده"] = 18, ["نوزده"] = 19, ["بیست"] = 20, ["سی"] = 30,
        ["چهل"] = 40, ["پنجاه"] = 50, ["شصت"] = 60, ["هفتاد"] = 70, ["هشتاد"] = 80, ["نود"] = 90, ["صد"] = 100,
        ["یکصد"] = 100, ["دویست"] = 200, ["سیصد"] = 300, ["چهارصد"] = 400, ["پانصد"] = 500, ["ششصد"] = 600,
        ["هفتصد"] = 700, ["هشتصد"] = 800, ["نهصد"] = 900,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
        ["هزار"] = 1_000, ["میلیون"] = 1_000_000, ["میلیارد"] = 1_000_000_000,
    };

    // Every word a written number can begin with: a unit ("three", "سه", "dozen"), or "a"/"an" before a scale ("a
    // hundred"). A scale alone does not begin one ("thousand" needs a unit or digits before it).
    private static readonly HashSet<string> StartWords = [.. EnglishUnits.Keys, .. PersianUnits.Keys, "a", "an"];

    public static bool IsScale(string key) => Scales.ContainsKey(key);

    /// <summary>Whether a written number can start at a word with this key (a word of digits always can).</summary>
    public static bool CanStart(string key) => StartWords.Contains(key);

    public static bool IsNumberWord(string key) => EnglishUnits.ContainsKey(key) || PersianUnits.ContainsKey(key) || Scales.ContainsKey(key);

    /// <summary>
    /// Reads a written number starting at <paramref name="start"/>; returns the index after its last word and its value,
    /// or (start, null). Words must follow each other with only spaces or hyphens between them, and "and"/"و" may join
    /// parts ("three thousand and seven", "سه هزار و هفتصد").
    /// </summary>
    public static (int Next, double? Value) Read(string text, IReadOnlyList<TextWord> words, int start)
    {
        double total = 0;
        double current = 0;
        var any = false;
        var i = start;
        var last = start;
        while (i < words.Count)
        {
            var w = words[i];
            if (i > start && !Joined(text, words[i - 1], w))
            {
                break;
            }

            if (w.IsNumber && i == start && i + 1 < words.Count && Scales.ContainsKey(words[i + 1].Key) && Joined(text, w, words[i + 1]))
            {
                current = w.Number!.Value;
                any = true;
                last = i + 1;
                i++;
                continue;
            }

            if ((w.Key == "a" || w.Key == "an") && i == start && i + 1 < words.Count && (words[i + 1].Key is "dozen" or "hundred" or "thousand" or "million"))
            {
                current = 1;
                any = true;
                i++;
                continue;
            }

            if (EnglishUnits.TryGetValue(w.Key, out var unit) || PersianUnits.TryGetValue(w.Key, out unit))
            {
                current = w.Key == "dozen" ? (current == 0 ? 12 : current * 12) : current + unit;
                any = true;
                last = i + 1;
            }
            else if (Scales.TryGetValue(w.Key, out var scale) && any)
            {
                if (scale == 100)
                {
                    current *= 100;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }

                last = i + 1;
            }
            else if (any && (total + current) >= 100 && (w.Key == "and" || w.Key == "\u0648") && i + 1 < words.Count && IsNumberWord(words[i + 1].Key))
            {
                // "three thousand and seven", "سه هزار و هفتصد": the conjunction joins two parts of one number.
            }
            else
            {
                break;
            }

            i++;
        }

        return any ? (last, total + current) : (start, null);
    }

    private static bool Joined(string text, TextWord left, TextWord right)
    {
        foreach (var c in TextGaps.Between(text, left, right))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u200C'))
            {
                return false;
            }
        }

        return true;
    }
}
