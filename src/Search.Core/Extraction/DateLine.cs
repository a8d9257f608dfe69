using System.Globalization;
using System.Text.RegularExpressions;
using Search.Core.Analysis;
using Search.Core.Languages.Persian;

namespace Search.Core.Extraction;

/// <summary>
/// Recognizes a line that is only a date (a dateline at the head of an article): Solar Hijri in Persian or Latin
/// digits ("۱۳۹۵ آبان ۱۵, شنبه", "۱۵ آبان ۱۳۹۵", "۱۳۹۵/۰۸/۱۵") or Gregorian ("August 28, 2016", "2016-08-28").
/// </summary>
public static partial class DateLine
{
    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"^(?<y>\d{4})\s+(?<m>\p{L}+)\s+(?<d>\d{1,2})\b")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s+(?<m>\p{L}+)\s+(?<y>\d{4})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<y>\d{4})[/\-.](?<m>\d{1,2})[/\-.](?<d>\d{1,2})\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<m>[A-Za-z]+)\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})\b")]
    private static partial Regex EnglishMonthDayYear();

    /// <summary>The ISO Gregorian date the line states, or null. Lines longer than a dateline are not looked at.</summary>
    public static DateOnly? TryParse(string line)
    {
        if (!Short(line))
        {
            return null;
        }

        var text = PersianLetters.Normalize(line.Trim());
        if (text.Length is 0 or > 60)
        {
            return null;
        }

        foreach (var regex in new[] { YearMonthDay(), DayMonthYear() })
        {
            var m = regex.Match(text);
            if (m.Success && FromParts(m, monthByName: true) is { } date)
            {
                return date;
            }
        }

        var numeric = Numeric().Match(text);
        if (numeric.Success && FromParts(numeric, monthByName: false) is { } d2)
        {
            return d2;
        }

        var english = EnglishMonthDayYear().Match(text);
        if (english.Success)
        {
            var month = Array.IndexOf(EnglishMonths, english.Groups["m"].Value.ToLowerInvariant()) + 1;
            var year = int.Parse(english.Groups["y"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(english.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month > 0 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the line can normalize to at most 60 characters: counts the letters normalization keeps (it removes
    /// marks and joiners, never adds), and stops at the 61st, so a long paragraph is not normalized to be measured.
    /// </summary>
    private static bool Short(string line)
    {
        var kept = 0;
        foreach (var c in line)
        {
            var mapped = PersianLetters.Map(c);
            if (mapped != '\0' && mapped != CharClass.Zwnj && !char.IsWhiteSpace(c) && ++kept > 60)
            {
                return false;
            }
        }

        return true;
    }

    private static DateOnly? FromParts(Match m, bool monthByName)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = monthByName
            ? SolarHijri.MonthOf(m.Groups["m"].Value)
            : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        // Years before 1700 are Solar Hijri (1395 ≈ 2016); later ones are Gregorian.
        if (year < 1700)
        {
            return SolarHijri.ToGregorian(year, month, day);
        }

        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
