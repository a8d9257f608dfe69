using System.Globalization;

namespace Search.Api.Jobs;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, in UTC): each field is *, a number, a
/// range a-b, a step */n or a-b/n, or a list of those separated by commas; day-of-week 0 or 7 is Sunday. As in cron,
/// when both day fields are restricted a day matches either. Invalid expressions are rejected with the field named.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly (string Name, int Min, int Max)[] Fields = [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7)];
    private readonly bool[][] _allowed;
    private readonly bool _anyDayOfMonth;
    private readonly bool _anyDayOfWeek;

    private CronSchedule(bool[][] allowed, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        _allowed = allowed;
        _anyDayOfMonth = anyDayOfMonth;
        _anyDayOfWeek = anyDayOfWeek;
    }

    public static CronSchedule Parse(string expression)
    {
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            throw new FormatException($"A cron expression has 5 fields (minute hour day-of-month month day-of-week); '{expression}' has {parts.Length}.");
        }

        var allowed = new bool[5][];
        for (var f = 0; f < 5; f++)
        {
            var (name, min, max) = Fields[f];
            allowed[f] = new bool[max + 1];
            foreach (var item in parts[f].Split(','))
            {
                var (range, step) = item.Split('/') switch
                {
                    [var r] => (r, 1),
                    [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                    _ => throw new FormatException($"Bad step in the {name} field: '{item}'."),
                };
                int low, high;
                if (range == "*")
                {
                    (low, high) = (min, max);
                }
                else if (range.Split('-') is [var a, var b] && Number(a, name, min, max) is var x && Number(b, name, min, max) is var y && x <= y)
                {
                    (low, high) = (x, y);
                }
                else
                {
                    low = Number(range, name, min, max);
                    high = item.Contains('/', StringComparison.Ordinal) ? max : low;
                }

                for (var v = low; v <= high; v += step)
                {
                    allowed[f][v] = true;
                }
            }
        }

        if (allowed[4][7])
        {
            allowed[4][0] = true; // 7 is Sunday too
        }

        return new CronSchedule(allowed, parts[2] == "*", parts[4] == "*");
    }

    /// <summary>The first matching minute strictly after <paramref name="after"/> (UTC), within the next four years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = after.ToUniversalTime();
        t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var limit = t.AddYears(4);
        while (t < limit)
        {
            if (!_allowed[3][t.Month])
            {
                t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
                continue;
            }

            if (!DayMatches(t))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
                continue;
            }

            if (!_allowed[1][t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
                continue;
            }

            if (!_allowed[0][t.Minute])
            {
                t = t.AddMinutes(1);
                continue;
            }

            return t;
        }

        return null;
    }

    private bool DayMatches(DateTimeOffset t)
    {
        var dayOfMonth = _allowed[2][t.Day];
        var dayOfWeek = _allowed[4][(int)t.DayOfWeek];
        return (_anyDayOfMonth, _anyDayOfWeek) switch
        {
            (true, true) => true,
            (true, false) => dayOfWeek,
            (false, true) => dayOfMonth,
            _ => dayOfMonth || dayOfWeek,
        };
    }

    private static int Number(string text, string field, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"'{text}' is not a value of the {field} field ({min}-{max}).");
}
