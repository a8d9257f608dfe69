using System.Globalization;
using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// Finds figures: numbers the text states, with separators in any script ("33,000", "۳۰٬۰۰۰", "۴٬۴۸۲نفر"), in words
/// ("thirty-three-thousand seven-hundred", "a dozen", "دوازده هزار"), with a qualifier ("more than", "بیش از"), as ranges
/// ("between 2,800 and 3,800", "بین ۱٬۸۷۹ تا ۴٬۴۸۲"), and the thing counted ("political prisoners", "نفر"). Not figures:
/// years and dates (found first), ordinals ("20th", "۲۰م"), ages ("aged 45", "۴۵ ساله"), phone numbers, clock times,
/// identifiers ("Article 18", "بند ۲۰۹") and footnote marks; a number written as 1 ("one of them") neither.
/// </summary>
public static class FigureExtractor
{
    private static readonly (string[] Words, string Label)[] Qualifiers =
    [
        (["more", "than"], "more than"), (["over"], "more than"), (["at", "least"], "at least"), (["some"], "about"),
        (["about"], "about"), (["around"], "about"), (["approximately"], "about"), (["roughly"], "about"),
        (["nearly"], "nearly"), (["almost"], "nearly"), (["close", "to"], "nearly"), (["up", "to"], "up to"),
        (["as", "many", "as"], "up to"), (["at", "most"], "at most"), (["less", "than"], "less than"),
        (["fewer", "than"], "less than"), (["under"], "less than"), (["an", "estimated"], "about"), (["estimated"], "about"),
        (["بیش", "از"], "بیش از"), (["بیشتر", "از"], "بیش از"), (["بالغ", "بر"], "بیش از"), (["حدود"], "حدود"),
        (["در", "حدود"], "حدود"), (["قریب", "به"], "حدود"), (["نزدیک", "به"], "نزدیک به"), (["دستکم"], "دست‌کم"),
        (["دست", "کم"], "دست‌کم"), (["حداقل"], "دست‌کم"), (["حداکثر"], "حداکثر"), (["کمتر", "از"], "کمتر از"),
        (["تا"], "تا"),
    ];

    // Words after which a number names a thing instead of counting: "Article 18", "Ward 209", "بند ۲۰۹".
    private static readonly HashSet<string> Identifiers = new(StringComparer.Ordinal)
    {
        "article", "no", "number", "resolution", "ward", "section", "chapter", "page", "paragraph", "clause", "room", "cell",
        "route", "highway", "flight", "code", "version", "volume", "issue", "case", "file", "hall", "block", "unit", "floor",
        "ماده", "اصل", "بند", "شماره", "تبصره", "قطعنامه", "صفحه", "فصل", "سلول", "پرونده", "کد", "نسخه", "کلاس", "سوره", "ایه",
    };

    // Units after which a number is an age: "45 years old", "۴۵ ساله".
    private static readonly HashSet<string> AgeWords = new(StringComparer.Ordinal) { "ساله" };

    private static readonly HashSet<string> EnglishUnitStop = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her",
        "his", "if", "in", "into", "is", "it", "its", "of", "on", "or", "she", "such", "that", "the", "their", "then",
        "there", "these", "they", "this", "those", "to", "was", "were", "which", "who", "whom", "will", "with", "would",
        "throughout", "across", "during", "including", "between", "among", "per", "than", "since", "until", "after",
        "before", "over", "under", "about", "around", "out", "up", "down", "more", "less", "later", "ago", "each", "times",
        "held", "kept", "taken", "sent", "given", "made", "seen", "found", "left", "known", "put", "being", "not", "also",
        "took", "said", "met", "came", "went", "fled", "died", "fought", "gave", "got", "became", "began", "lost", "ran", "saw",
        "told", "wrote", "remain", "remains", "live", "lives", "face", "faced", "take", "say", "says", "may", "can", "could",
    };

    // Persian words that count or classify ("نفر", "تن") and common counted nouns: after them a number is a count.
    private static readonly HashSet<string> PersianCountedUnits = new(StringComparer.Ordinal)
    {
        "نفر", "تن", "زندانی", "زندانیان", "کشته", "اعدام", "مورد", "شهر", "استان", "کشور", "عضو", "فرد", "زن", "مرد", "کودک",
        "دانشجو", "کارگر", "معترض", "جسد", "گور", "قربانی", "بازداشتی", "خانواده", "هزار", "میلیون", "میلیارد", "درصد", "تومان", "ریال", "دلار",
    };

    private static readonly HashSet<string> PersianUnitStop = new(StringComparer.Ordinal)
    {
        "و", "در", "به", "از", "که", "این", "ان", "را", "با", "برای", "تا", "بر", "هم", "نیز", "یا", "است", "بود", "شد", "شده",
        "شدند", "بودند", "هستند", "اند", "کرد", "کردند", "کرده", "دارد", "داشت", "میشود", "میشوند", "سال", "ماه", "روز",
    };

    public static IEnumerable<Entity> Find(string text, IReadOnlyList<TextWord> words, ClaimedWords used)
    {
        var found = new List<Entity>();
        for (var i = 0; i < words.Count; i++)
        {
            if ((!words[i].IsNumber && !NumberWords.CanStart(words[i].Key)) || used.Contains(i))
            {
                continue;
            }

            var (next, value) = Read(text, words, i);
            if (value is null || Excluded(text, words, i, next, value.Value))
            {
                continue;
            }

            var first = i;
            var last = next - 1;
            double? upper = null;
            var (qualifier, qualifierStart) = QualifierBefore(text, words, i);

            // Ranges: "between 2,800 and 3,800", "2,800 to 3,800", "2,800-3,800", "بین ۱٬۸۷۹ تا ۴٬۴۸۲", "از ۵ تا ۱۰".
            if (RangeEnd(text, words, i, next, used) is { } range && range.Upper > value)
            {
                upper = range.Upper;
                last = range.Last;
                next = range.Last + 1;
                if (qualifier is "تا")
                {
                    qualifier = null;
                }

                if (qualifierStart < 0 && i > 0 && words[i - 1].Key is "between" or "بین" or "from" or "از" && TextGaps.IsSpace(text, words[i - 1], words[i]))
                {
                    first = i - 1;
                }
            }

            if (qualifierStart >= 0)
            {
                first = qualifierStart;
            }

            // "33,700 (thirty-three-thousand seven-hundred) prisoners": the words restate the digits.
            var unitFrom = SkipRestatement(text, words, next, value.Value, used);
            var unit = Unit(text, words, unitFrom);
            for (var k = i; k < unitFrom; k++)
            {
                used.Add(k);
            }

            found.Add(new Entity
            {
                Kind = EntityKinds.Figure,
                Value = value.Value.ToString("0.####", CultureInfo.InvariantCulture),
                Label = Label(value.Value, upper, unit),
                Text = text[words[first].Start..words[last].End],
                Start = words[first].Start,
                End = words[last].End,
                Number = value,
                Upper = upper,
                Qualifier = qualifier,
                Unit = unit,
            });
            i = Math.Max(i, unitFrom - 1);
        }

        return found;
    }

    /// <summary>A count noun follows the number: "2000 prisoners" counts, "1988 massacre" names a year.</summary>
    public static bool CountsSomething(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (i + 1 >= w.Count || !TextGaps.IsSpace(text, w[i], w[i + 1]) && w[i + 1].Start != w[i].End)
        {
            return false;
        }

        var next = w[i + 1];
        if (next.Script == TokenScript.Arabic)
        {
            return PersianCountedUnits.Contains(next.Key);
        }

        return next.Script == TokenScript.Latin && !next.Capitalized && next.Key.Length > 3 && next.Key.EndsWith('s') && !next.Key.EndsWith("ss", StringComparison.Ordinal);
    }

    public static bool HasQualifierBefore(string text, IReadOnlyList<TextWord> w, int i) =>
        QualifierBefore(text, w, i).Label is { } q && q != "تا";

    private static (int Next, double? Value) Read(string text, IReadOnlyList<TextWord> w, int i)
    {
        var (next, value) = NumberWords.Read(text, w, i);
        if (value is not null)
        {
            return (next, value);
        }

        return w[i].Number is { } n && IsPlainNumber(w[i]) ? (i + 1, n) : (i, null);
    }

    private static bool IsPlainNumber(TextWord w) => w.Surface.Count(c => c is '.' or '\u066B') <= 1;

    private static bool Excluded(string text, IReadOnlyList<TextWord> w, int i, int next, double value)
    {
        var word = w[i];
        if (!word.IsNumber)
        {
            // Written numbers: "one" and "یک" are articles more often than counts, and a lone "نه" is "no".
            return value <= 1 || (next == i + 1 && word.Key is "نه" or "ده" or "سی" or "صد" or "هزار" or "thousand" or "hundred" or "million");
        }

        var before = word.Start > 0 ? text[word.Start - 1] : ' ';
        var after = word.End < text.Length ? text[word.End] : ' ';

        // Footnote marks ("life…”3"), clock times ("10:30"), parts of codes ("A-12", "+98").
        if (char.IsLetter(before) || before is '\u201D' or '"' or '\u2026' or ':' or '+' or '/' or '#' || after is ':' or '/')
        {
            return true;
        }

        if (i + 1 < w.Count && w[i + 1].Start == word.End && w[i + 1].Key is "م" or "مین" or "امین" or "ام")
        {
            return true; // ۲۰م, ۲۰مین: ordinals
        }

        if (after == '-' && word.End + 1 < text.Length && char.IsLetter(text[word.End + 1]))
        {
            return true; // "the 11-member cartel", "a 45-year-old": the number modifies, it does not count
        }

        if (i > 0 && Identifiers.Contains(w[i - 1].Key) && TextGaps.IsSpace(text, w[i - 1], word))
        {
            return true;
        }

        if (IsAge(text, w, i))
        {
            return true;
        }

        // Phone numbers: three or more digit groups in a row joined by spaces or dashes.
        var groups = 1;
        for (var k = i; k + 1 < w.Count && w[k + 1].IsNumber && TextGaps.Between(text, w[k], w[k + 1]).Trim() is "" or "-" && groups < 4; k++)
        {
            groups++;
        }

        for (var k = i; k - 1 >= 0 && w[k - 1].IsNumber && TextGaps.Between(text, w[k - 1], w[k]).Trim() is "" or "-" && groups < 4; k--)
        {
            groups++;
        }

        return groups >= 3 && !word.Surface.Contains(',') && !word.Surface.Contains('\u066C');
    }

    private static bool IsAge(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (i > 0 && w[i - 1].Key is "aged" or "age" or "سن")
        {
            return true;
        }

        if (i > 1 && w[i - 1].Key == "as" && w[i - 2].Key is "young" or "old")
        {
            return true;
        }

        if (i + 1 < w.Count && AgeWords.Contains(w[i + 1].Key))
        {
            return true;
        }

        // "45-year-old", "45 years old", "45 years of age".
        return i + 2 < w.Count && w[i + 1].Key is "year" or "years" && w[i + 2].Key is "old" or "of" && (w[i + 2].Key == "old" || (i + 3 < w.Count && w[i + 3].Key == "age"));
    }

    private static (string? Label, int Start) QualifierBefore(string text, IReadOnlyList<TextWord> w, int i)
    {
        foreach (var (words, label) in Qualifiers)
        {
            var start = i - words.Length;
            if (start < 0)
            {
                continue;
            }

            var match = true;
            for (var k = 0; k < words.Length && match; k++)
            {
                match = w[start + k].Key == words[k] && TextGaps.IsSpace(text, w[start + k], w[start + k + 1]);
            }

            if (match)
            {
                return (label, start);
            }
        }

        return (null, -1);
    }

    private static (double Upper, int Last)? RangeEnd(string text, IReadOnlyList<TextWord> w, int i, int next, ClaimedWords used)
    {
        if (next >= w.Count || used.Contains(next))
        {
            return null;
        }

        var gap = TextGaps.Between(text, w[next - 1], w[next]).Trim();
        int from;
        if (gap is "-" or "\u2013" or "\u2014")
        {
            from = next;
        }
        else if (gap.IsEmpty && w[next].Key is "to" or "and" or "تا" && next + 1 < w.Count && TextGaps.IsSpace(text, w[next], w[next + 1]))
        {
            if (w[next].Key == "and" && !(i > 0 && w[i - 1].Key == "between"))
            {
                return null; // "five, two and one years": a list, not a range
            }

            from = next + 1;
        }
        else
        {
            return null;
        }

        var (end, upper) = Read(text, w, from);
        return upper is null ? null : (upper.Value, end - 1);
    }

    private static int SkipRestatement(string text, IReadOnlyList<TextWord> w, int next, double value, ClaimedWords used)
    {
        if (next < w.Count && TextGaps.Between(text, w[next - 1], w[next]).Trim() is "(")
        {
            var (end, restated) = NumberWords.Read(text, w, next);
            if (restated == value && end < w.Count + 1)
            {
                for (var k = next; k < end; k++)
                {
                    used.Add(k);
                }

                return end;
            }
        }

        return next;
    }

    /// <summary>The thing counted: up to three words after the number, stopping at function words and punctuation.</summary>
    private static string? Unit(string text, IReadOnlyList<TextWord> w, int from)
    {
        if (from >= w.Count || from == 0)
        {
            return null;
        }

        var gap = TextGaps.Between(text, w[from - 1], w[from]).Trim();
        if (gap is "%" || gap.StartsWith('%'))
        {
            return "%";
        }

        if (!gap.IsEmpty && gap is not ")")
        {
            return null;
        }

        var parts = new List<string>();
        if (w[from].Script == TokenScript.Arabic)
        {
            for (var k = from; k < w.Count && parts.Count < 2; k++)
            {
                if ((k > from && !TextGaps.IsSpace(text, w[k - 1], w[k])) || w[k].Script != TokenScript.Arabic || PersianUnitStop.Contains(w[k].Key)
                    || w[k].Key.StartsWith("می", StringComparison.Ordinal) || (k > from && !w[k].Key.EndsWith('ی')))
                {
                    break;
                }

                parts.Add(w[k].Surface);
            }
        }
        else
        {
            for (var k = from; k < w.Count && parts.Count < 3; k++)
            {
                var hyphenated = k > from && TextGaps.Between(text, w[k - 1], w[k]) is "-";
                if ((k > from && !hyphenated && !TextGaps.IsSpace(text, w[k - 1], w[k])) || w[k].Script != TokenScript.Latin || EnglishUnitStop.Contains(w[k].Key))
                {
                    break;
                }

                if (hyphenated)
                {
                    parts[^1] += "-" + w[k].Surface; // "non-OPEC countries"
                }
                else
                {
                    parts.Add(w[k].Surface);
                }
            }

            // Trailing participles and adverbs belong to the verb, not to the thing counted.
            while (parts.Count > 1 && (parts[^1].EndsWith("ed", StringComparison.Ordinal) || parts[^1].EndsWith("ing", StringComparison.Ordinal) || parts[^1].EndsWith("ly", StringComparison.Ordinal)))
            {
                parts.RemoveAt(parts.Count - 1);
            }

            if (parts.Count == 1 && (parts[0].EndsWith("ed", StringComparison.Ordinal) || parts[0].EndsWith("ly", StringComparison.Ordinal)))
            {
                parts.Clear();
            }
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static string Label(double value, double? upper, string? unit)
    {
        var number = upper is null
            ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{value:#,0.##}–{upper:#,0.##}");
        return unit is null ? number : $"{number} {unit}";
    }
}
