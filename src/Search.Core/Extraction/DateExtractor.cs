using System.Globalization;
using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// Finds dates in English and Persian: "August 28, 2016", "28 August 2016", "November 4- 2016", "April 13" (no year),
/// "late July 1988", "the summer of 1988", "in 1988", "2016-08-28"; "۱۵ آبان ۱۳۹۵", "۱۳۹۵ آبان ۱۵", "۱۳۹۵/۰۸/۱۵",
/// "هفتم مرداد ۱۳۶۷", "تابستان ۱۳۶۷", "سال ۶۷". Solar Hijri dates are converted to Gregorian and keep their own form.
/// A bare four-digit number is a year unless it counts something ("2000 prisoners"), which makes it a figure.
/// </summary>
public static class DateExtractor
{
    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Gregorian month names as Persian writes them (the French forms).
    private static readonly string[] PersianGregorianMonths =
        ["ژانویه", "فوریه", "مارس", "اوریل", "مه", "ژوین", "ژوییه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];

    private static readonly Dictionary<string, int> PersianOrdinalDays = BuildPersianOrdinals();

    private static readonly Dictionary<string, (int FromMonth, int ToMonth, string Name)> EnglishSeasons = new(StringComparer.Ordinal)
    {
        ["spring"] = (3, 5, "spring"), ["summer"] = (6, 8, "summer"), ["autumn"] = (9, 11, "autumn"), ["fall"] = (9, 11, "autumn"), ["winter"] = (12, 14, "winter"),
    };

    // Solar Hijri seasons: months 1–3, 4–6, 7–9, 10–12.
    private static readonly Dictionary<string, (int FromMonth, string Name)> PersianSeasons = new(StringComparer.Ordinal)
    {
        ["بهار"] = (1, "spring"), ["تابستان"] = (4, "summer"), ["پاییز"] = (7, "autumn"), ["زمستان"] = (10, "winter"),
    };

    private static readonly HashSet<string> YearContext = new(StringComparer.Ordinal)
    {
        "in", "since", "of", "year", "until", "till", "by", "from", "to", "before", "after", "during", "early", "mid", "late", "the",
        "سال", "در", "تا", "از", "پیش", "پس", "اوایل", "اواخر", "اواسط", "طی",
    };

    // Every word a date can begin with besides a number: month names and their abbreviations, Persian ordinal days,
    // seasons and سال. Most words are none of these, and one lookup passes them by instead of eight matchers.
    private static readonly HashSet<string> StartWords = BuildStartWords();

    public static IEnumerable<Entity> Find(string text, IReadOnlyList<TextWord> words, ClaimedWords used)
    {
        var found = new List<Entity>();
        for (var i = 0; i < words.Count; i++)
        {
            if ((!words[i].IsNumber && !StartWords.Contains(words[i].Key)) || used.Contains(i))
            {
                continue;
            }

            if (TryAt(text, words, i) is { } match)
            {
                found.Add(match.Entity);
                for (var k = i; k < match.Next; k++)
                {
                    used.Add(k);
                }

                i = match.Next - 1;
            }
        }

        return found;
    }

    private static (Entity Entity, int Next)? TryAt(string text, IReadOnlyList<TextWord> w, int i) =>
        EnglishMonthFirst(text, w, i)
        ?? DayMonthYear(text, w, i)
        ?? YearMonthDay(text, w, i)
        ?? NumericDate(text, w, i)
        ?? MonthYear(text, w, i)
        ?? Season(text, w, i)
        ?? TwoDigitPersianYear(text, w, i)
        ?? BareYear(text, w, i);

    /// <summary>"August 28, 2016", "Nov. 4- 2016", "April 13", "late July 1988", "July 1988".</summary>
    private static (Entity, int)? EnglishMonthFirst(string text, IReadOnlyList<TextWord> w, int i)
    {
        var month = EnglishMonth(w[i]);
        if (month == 0 || !w[i].Capitalized)
        {
            return null;
        }

        var part = i > 0 && w[i - 1].Key is "early" or "mid" or "late" && TextGaps.IsSpace(text, w[i - 1], w[i]) ? w[i - 1].Key : null;
        var first = part is null ? i : i - 1;
        if (NextAfterMonth(text, w, i, out var a) && IsDay(w[a]))
        {
            var day = (int)w[a].Number!.Value;
            if (NextLoose(text, w, a, out var b) && IsGregorianYear(w[b]))
            {
                return Day(text, w, first, b, (int)w[b].Number!.Value, month, day, "gregorian", null, part);
            }

            // "April 13": a day without a year. ISO 8601 writes it --04-13.
            return (Make(text, w, first, a, string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}"), "day", "gregorian", 0, 0, part), a + 1);
        }

        if (NextAfterMonth(text, w, i, out var y) && IsGregorianYear(w[y]))
        {
            var year = (int)w[y].Number!.Value;
            return Month(text, w, first, y, year, month, "gregorian", null, part);
        }

        return null;
    }

    /// <summary>"28 August 2016", "۱۵ آبان ۱۳۹۵", "هفتم مرداد ۱۳۶۷", "۲۸ اوت ۲۰۱۶".</summary>
    private static (Entity, int)? DayMonthYear(string text, IReadOnlyList<TextWord> w, int i)
    {
        int day;
        var first = i;
        if (IsDay(w[i]))
        {
            day = (int)w[i].Number!.Value;
        }
        else if (PersianOrdinalDays.TryGetValue(w[i].Key, out day))
        {
            // "بیست و یکم مرداد": the tens come first, joined by و.
            if (day < 10 && i >= 2 && w[i - 1].Key == "\u0648" && w[i - 2].Key is "بیست" or "سی")
            {
                day += w[i - 2].Key == "بیست" ? 20 : 30;
                first = i - 2;
            }
        }
        else
        {
            return null;
        }

        if (!Next(text, w, i, out var m))
        {
            return null;
        }

        var (month, calendar) = AnyMonth(w[m]);
        if (month == 0)
        {
            return null;
        }

        if (Next(text, w, m, out var y) && w[y].Number is { } yearNumber && yearNumber == Math.Floor(yearNumber))
        {
            var year = (int)yearNumber;
            if (calendar == "persian" && year is >= 1200 and < 1600)
            {
                return Day(text, w, first, y, year, month, day, calendar, null, null);
            }

            if (calendar == "gregorian" && IsGregorianYear(w[y]))
            {
                return Day(text, w, first, y, year, month, day, calendar, null, null);
            }
        }

        return null;
    }

    /// <summary>"۱۳۹۵ آبان ۱۵": year, month, day.</summary>
    private static (Entity, int)? YearMonthDay(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (w[i].Number is not { } y || y is < 1200 or > 2100 || !Next(text, w, i, out var m))
        {
            return null;
        }

        var (month, calendar) = AnyMonth(w[m]);
        if (month == 0 || !Next(text, w, m, out var d) || !IsDay(w[d]))
        {
            return null;
        }

        var persian = calendar == "persian";
        if (persian != y < 1700)
        {
            return null;
        }

        return Day(text, w, i, d, (int)y, month, (int)w[d].Number!.Value, calendar, null, null);
    }

    /// <summary>"2016-08-28", "۱۳۹۵/۰۸/۱۵": year first, then month and day, separated by - or /.</summary>
    private static (Entity, int)? NumericDate(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (i + 2 >= w.Count || !w[i].IsNumber || !w[i + 1].IsNumber || !w[i + 2].IsNumber || w[i].Surface.Length != 4)
        {
            return null;
        }

        var sep1 = TextGaps.Between(text, w[i], w[i + 1]);
        var sep2 = TextGaps.Between(text, w[i + 1], w[i + 2]);
        if (sep1.Length != 1 || !sep1.SequenceEqual(sep2) || sep1[0] is not ('-' or '/'))
        {
            return null;
        }

        var year = (int)w[i].Number!.Value;
        var month = (int)w[i + 1].Number!.Value;
        var day = (int)w[i + 2].Number!.Value;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        return year switch
        {
            >= 1200 and < 1600 => Day(text, w, i, i + 2, year, month, day, "persian", null, null),
            >= 1700 and <= 2100 => Day(text, w, i, i + 2, year, month, day, "gregorian", null, null),
            _ => null,
        };
    }

    /// <summary>"مرداد ۱۳۶۷", "اوت ۲۰۱۶": a month and a year, in either calendar.</summary>
    private static (Entity, int)? MonthYear(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (w[i].Script != TokenScript.Arabic || !Next(text, w, i, out var y))
        {
            return null;
        }

        var (month, calendar) = AnyMonth(w[i]);
        if (month == 0)
        {
            return null;
        }

        var part = i > 0 && w[i - 1].Key is "اوایل" or "اواسط" or "اواخر" ? w[i - 1].Key : null;
        var first = part is null ? i : i - 1;
        var englishPart = part switch { "اوایل" => "early", "اواسط" => "mid", "اواخر" => "late", _ => null };
        if (calendar == "gregorian")
        {
            return IsGregorianYear(w[y]) ? Month(text, w, first, y, (int)w[y].Number!.Value, month, calendar, null, englishPart) : null;
        }

        if (SolarYear(w[y]) is not { } shYear || w[y].Surface.Length != 4)
        {
            return null;
        }

        var start = SolarHijri.ToGregorian(shYear, month, 1)!.Value;
        var end = month == 12
            ? SolarHijri.ToGregorian(shYear + 1, 1, 1)!.Value.AddDays(-1)
            : SolarHijri.ToGregorian(shYear, month + 1, 1)!.Value.AddDays(-1);
        var value = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return (Make(text, w, first, y, value, "month", "persian", Number(start), Number(end), englishPart)
            with { SolarHijri = string.Create(CultureInfo.InvariantCulture, $"{shYear:D4}-{month:D2}") }, y + 1);
    }

    /// <summary>"the summer of 1988", "summer 1988", "تابستان ۱۳۶۷", "تابستان سال ۶۷".</summary>
    private static (Entity, int)? Season(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (EnglishSeasons.TryGetValue(w[i].Key, out var english))
        {
            var j = i;
            if (Next(text, w, j, out var of) && w[of].Key == "of")
            {
                j = of;
            }

            if (Next(text, w, j, out var y) && IsGregorianYear(w[y]))
            {
                var year = (int)w[y].Number!.Value;
                var from = (year * 10000) + (english.FromMonth * 100) + 1;
                var toYear = english.ToMonth > 12 ? year + 1 : year;
                var toMonth = english.ToMonth > 12 ? english.ToMonth - 12 : english.ToMonth;
                var to = (toYear * 10000) + (toMonth * 100) + DateTime.DaysInMonth(toYear, toMonth);
                return (Make(text, w, i, y, year.ToString("D4", CultureInfo.InvariantCulture), "season", "gregorian", from, to, english.Name), y + 1);
            }

            return null;
        }

        if (PersianSeasons.TryGetValue(w[i].Key, out var persian) && Next(text, w, i, out var next))
        {
            var yearIndex = next;
            if (w[next].Key == "سال" && Next(text, w, next, out var afterSal))
            {
                yearIndex = afterSal;
            }

            if (SolarYear(w[yearIndex]) is { } shYear)
            {
                var start = SolarHijri.ToGregorian(shYear, persian.FromMonth, 1)!.Value;
                var lastMonth = persian.FromMonth + 2;
                var end = SolarHijri.ToGregorian(shYear, lastMonth, lastMonth <= 6 ? 31 : lastMonth < 12 ? 30 : 29)!.Value;
                return (Make(text, w, i, yearIndex, start.Year.ToString("D4", CultureInfo.InvariantCulture), "season", "persian", Number(start), Number(end), persian.Name)
                    with { SolarHijri = shYear.ToString("D4", CultureInfo.InvariantCulture) }, yearIndex + 1);
            }
        }

        return null;
    }

    /// <summary>"سال ۶۷": in this collection a two-digit year after سال is a Solar Hijri year of the 1300s.</summary>
    private static (Entity, int)? TwoDigitPersianYear(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (w[i].Key != "سال" || !Next(text, w, i, out var y) || w[y].Number is not { } n || w[y].Surface.Length != 2 || n < 10)
        {
            return null;
        }

        if (y + 1 < w.Count && TextGaps.IsSpace(text, w[y], w[y + 1]) && w[y + 1].Key is "نفر" or "تن")
        {
            return null; // "سال ۶۷ نفر" is not a year; after سال anything else is ("در سال ۶۷ کشته شدند")
        }

        return SolarYearEntity(text, w, i, y, 1300 + (int)n);
    }

    /// <summary>"in 1988", "the 1988 massacre", "سال ۱۳۶۷", "۱۳۶۷": a year, unless it counts something.</summary>
    private static (Entity, int)? BareYear(string text, IReadOnlyList<TextWord> w, int i)
    {
        if (!w[i].IsNumber || w[i].Surface.Length != 4 || !w[i].Surface.All(CharClass.IsDigit))
        {
            return null;
        }

        var n = (int)w[i].Number!.Value;
        var gregorian = n is >= 1800 and <= 2100;
        var persian = n is >= 1300 and <= 1499;
        if (!gregorian && !persian)
        {
            return null;
        }

        var context = i > 0 && YearContext.Contains(w[i - 1].Key) && !TextGaps.IsBreak(text, w[i - 1], w[i]);
        if (FigureExtractor.CountsSomething(text, w, i) && !context)
        {
            return null;
        }

        if (FigureExtractor.HasQualifierBefore(text, w, i))
        {
            return null;
        }

        if (persian)
        {
            return SolarYearEntity(text, w, i, i, n);
        }

        return (Make(text, w, i, i, n.ToString("D4", CultureInfo.InvariantCulture), "year", "gregorian", (n * 10000) + 101, (n * 10000) + 1231, null), i + 1);
    }

    private static (Entity, int) SolarYearEntity(string text, IReadOnlyList<TextWord> w, int first, int last, int shYear)
    {
        var start = SolarHijri.ToGregorian(shYear, 1, 1)!.Value;
        var end = SolarHijri.ToGregorian(shYear + 1, 1, 1)!.Value.AddDays(-1);
        return (Make(text, w, first, last, start.Year.ToString("D4", CultureInfo.InvariantCulture), "year", "persian", Number(start), Number(end), null)
            with { SolarHijri = shYear.ToString("D4", CultureInfo.InvariantCulture) }, last + 1);
    }

    private static (Entity, int)? Day(string text, IReadOnlyList<TextWord> w, int first, int last, int year, int month, int day, string calendar, string? solar, string? part)
    {
        DateOnly date;
        if (calendar == "persian")
        {
            if (SolarHijri.ToGregorian(year, month, day) is not { } converted)
            {
                return null;
            }

            date = converted;
            solar = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        }
        else
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            date = new DateOnly(year, month, day);
        }

        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (Make(text, w, first, last, iso, "day", calendar, Number(date), Number(date), part) with { SolarHijri = solar }, last + 1);
    }

    private static (Entity, int)? Month(string text, IReadOnlyList<TextWord> w, int first, int last, int year, int month, string calendar, string? solar, string? part)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        return (Make(text, w, first, last, from.ToString("yyyy-MM", CultureInfo.InvariantCulture), "month", calendar, Number(from), Number(to), part) with { SolarHijri = solar }, last + 1);
    }

    private static Entity Make(string text, IReadOnlyList<TextWord> w, int first, int last, string value, string precision, string calendar, int from, int to, string? part) => new()
    {
        Kind = EntityKinds.Date,
        Value = value,
        Label = value,
        Text = text[w[first].Start..w[last].End],
        Start = w[first].Start,
        End = w[last].End,
        Precision = precision,
        Calendar = calendar,
        Part = part,
        From = from,
        To = to,
    };

    private static int Number(DateOnly d) => (d.Year * 10000) + (d.Month * 100) + d.Day;

    private static bool Next(string text, IReadOnlyList<TextWord> w, int i, out int next)
    {
        next = i + 1;
        return next < w.Count && TextGaps.IsSpace(text, w[i], w[next]);
    }

    /// <summary>The word after a month name, which may be abbreviated with a dot ("Nov. 4").</summary>
    private static bool NextAfterMonth(string text, IReadOnlyList<TextWord> w, int i, out int next)
    {
        next = i + 1;
        return next < w.Count && TextGaps.Between(text, w[i], w[next]).TrimStart('.').IsWhiteSpace() && w[next].Start > w[i].End;
    }

    /// <summary>The next word after white space, a comma or a dash ("August 28, 2016", "November 4- 2016").</summary>
    private static bool NextLoose(string text, IReadOnlyList<TextWord> w, int i, out int next)
    {
        next = i + 1;
        if (next >= w.Count)
        {
            return false;
        }

        var gap = TextGaps.Between(text, w[i], w[next]).Trim();
        return gap.Length == 0 || gap is "," or "-" or "\u060C";
    }

    private static bool IsDay(TextWord w) => w.Number is { } n && n == Math.Floor(n) && n is >= 1 and <= 31 && w.Surface.Length <= 2;

    private static bool IsGregorianYear(TextWord w) => w.Number is { } n && n == Math.Floor(n) && n is >= 1000 and <= 2100 && w.Surface.Length == 4;

    private static int? SolarYear(TextWord w) => w.Number switch
    {
        { } n when w.Surface.Length == 4 && n is >= 1200 and < 1600 => (int)n,
        { } n when w.Surface.Length == 2 && n >= 10 => 1300 + (int)n,
        _ => null,
    };

    private static int EnglishMonth(TextWord w)
    {
        var key = w.Key;
        for (var m = 0; m < 12; m++)
        {
            var name = EnglishMonths[m];
            if (key == name || (key.Length >= 3 && name.StartsWith(key, StringComparison.Ordinal) && (key.Length == 3 || key == "sept")))
            {
                return m + 1;
            }
        }

        return 0;
    }

    private static (int Month, string Calendar) AnyMonth(TextWord w)
    {
        if (w.Script == TokenScript.Latin)
        {
            if (!w.Capitalized)
            {
                return (0, "gregorian");
            }

            var english = EnglishMonth(w);
            return english > 0 ? (english, "gregorian") : (Array.IndexOf(SolarHijri.LatinMonths, w.Key) + 1, "persian");
        }

        var solar = SolarHijri.MonthOf(w.Key);
        if (solar > 0)
        {
            return (solar, "persian");
        }

        var gregorian = Array.IndexOf(PersianGregorianMonths, w.Key) + 1;
        return (gregorian, "gregorian");
    }

    private static HashSet<string> BuildStartWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "sept", "سال" };
        foreach (var month in EnglishMonths)
        {
            words.Add(month);
            words.Add(month[..3]);
        }

        words.UnionWith(PersianGregorianMonths);
        words.UnionWith(SolarHijri.PersianMonths);
        words.UnionWith(SolarHijri.LatinMonths);
        words.UnionWith(PersianOrdinalDays.Keys);
        words.UnionWith(EnglishSeasons.Keys);
        words.UnionWith(PersianSeasons.Keys);
        return words;
    }

    private static Dictionary<string, int> BuildPersianOrdinals()
    {
        var ones = new[] { "", "یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم" };
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal) { ["اول"] = 1, ["دهم"] = 10, ["یازدهم"] = 11, ["دوازدهم"] = 12, ["سیزدهم"] = 13, ["چهاردهم"] = 14, ["پانزدهم"] = 15, ["شانزدهم"] = 16, ["هفدهم"] = 17, ["هجدهم"] = 18, ["هیجدهم"] = 18, ["نوزدهم"] = 19, ["بیستم"] = 20, ["سیام"] = 30 };
        for (var d = 1; d <= 9; d++)
        {
            ordinals[ones[d]] = d;
        }

        return ordinals;
    }
}
