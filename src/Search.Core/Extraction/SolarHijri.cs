using System.Globalization;

namespace Search.Core.Extraction;

/// <summary>Solar Hijri (Persian) calendar facts: month names in Persian and in common Latin spellings, conversion.</summary>
public static class SolarHijri
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>Month names in normalized Persian (see PersianLetters), index 0 = فروردین.</summary>
    public static readonly string[] PersianMonths =
    [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "ابان", "اذر", "دی", "بهمن", "اسفند",
    ];

    public static readonly string[] LatinMonths =
    [
        "farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban", "azar", "dey", "bahman", "esfand",
    ];

    /// <summary>The 1-based month of a Persian month name (any spelling that normalizes to the table), or 0.</summary>
    public static int MonthOf(string normalizedName)
    {
        var i = Array.IndexOf(PersianMonths, normalizedName);
        if (i < 0)
        {
            i = Array.IndexOf(LatinMonths, normalizedName.ToLowerInvariant());
        }

        return i + 1;
    }

    /// <summary>The Gregorian date of a Solar Hijri day, or null when the day does not exist.</summary>
    public static DateOnly? ToGregorian(int year, int month, int day)
    {
        if (year is < 1 or > 9378 || month is < 1 or > 12 || day < 1 || day > Calendar.GetDaysInMonth(year, month))
        {
            return null;
        }

        return DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
    }

    /// <summary>The Solar Hijri (year, month, day) of a Gregorian date.</summary>
    public static (int Year, int Month, int Day) FromGregorian(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return (Calendar.GetYear(dt), Calendar.GetMonth(dt), Calendar.GetDayOfMonth(dt));
    }
}
