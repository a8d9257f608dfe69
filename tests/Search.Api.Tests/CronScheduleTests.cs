using Search.Api.Jobs;

namespace Search.Api.Tests;

public class CronScheduleTests
{
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);

    [TestCase("0 3 * * *", "2026-11-22T03:00:00Z", TestName = "Daily at 03:00")]
    [TestCase("*/15 * * * *", "2026-11-21T23:45:00Z", TestName = "Every quarter hour")]
    [TestCase("30 23 * * *", "2026-11-22T23:30:00Z", TestName = "Strictly after: today's time has come")]
    [TestCase("0 0 1 * *", "2026-12-01T00:00:00Z", TestName = "First of the month")]
    [TestCase("0 6 * * 1-5", "2026-11-23T06:00:00Z", TestName = "Weekdays: Monday next")]
    [TestCase("0 6 * * 7", "2026-11-22T06:00:00Z", TestName = "Seven is Sunday")]
    [TestCase("0 12 15 * 1", "2026-11-23T12:00:00Z", TestName = "Both day fields set: either matches")]
    [TestCase("0 0 29 2 *", "2028-02-29T00:00:00Z", TestName = "Leap day")]
    [TestCase("5,35 8-9 * 1,12 *", "2026-12-01T08:05:00Z", TestName = "Lists and ranges")]
    public void Next_occurrence(string expression, string expected) =>
        Assert.That(CronSchedule.Parse(expression).Next(Saturday), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("* * * *", "5 fields")]
    [TestCase("60 * * * *", "minute")]
    [TestCase("* 24 * * *", "hour")]
    [TestCase("* * 0 * *", "day of month")]
    [TestCase("* * * 13 *", "month")]
    [TestCase("*/0 * * * *", "step")]
    [TestCase("a * * * *", "minute")]
    public void Invalid_expressions_name_the_field(string expression, string message) =>
        Assert.That(() => CronSchedule.Parse(expression), Throws.TypeOf<FormatException>().With.Message.Contains(message));
}
