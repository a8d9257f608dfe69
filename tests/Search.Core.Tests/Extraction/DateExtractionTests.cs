using static Search.Core.Tests.Extraction.ExtractionAssertions;

namespace Search.Core.Tests.Extraction;

public class DateExtractionTests
{
    [TestCase("On August 28, 2016, he spoke.", "August 28, 2016", "2016-08-28", "day")]
    [TestCase("It began on 28 August 2016 in Oslo.", "28 August 2016", "2016-08-28", "day")]
    [TestCase("Oslo, November 4- 2016", "November 4- 2016", "2016-11-04", "day")]
    [TestCase("posted on Nov. 4, 2016 at noon", "Nov. 4, 2016", "2016-11-04", "day")]
    [TestCase("In late July 1988, the killings began.", "late July 1988", "1988-07", "month")]
    [TestCase("It happened in the summer of 1988.", "summer of 1988", "1988", "season")]
    [TestCase("He was arrested in 1988.", "1988", "1988", "year")]
    [TestCase("the 1988 massacre of prisoners", "1988", "1988", "year")]
    [TestCase("Filed on 2016-08-28.", "2016-08-28", "2016-08-28", "day")]
    [TestCase("on his website on April 13 entitled", "April 13", "--04-13", "day")]
    public void English_dates(string text, string written, string value, string precision)
    {
        var date = Single(text, "date");
        Assert.That(date.Text, Is.EqualTo(written));
        Assert.That(date.Value, Is.EqualTo(value));
        Assert.That(date.Precision, Is.EqualTo(precision));
        Assert.That(date.Calendar, Is.EqualTo("gregorian"));
    }

    [TestCase("۱۵ آبان ۱۳۹۵", "2016-11-05", "day", "1395-08-15")]
    [TestCase("۱۳۹۵ آبان ۱۵, شنبه", "2016-11-05", "day", "1395-08-15")]
    [TestCase("منتشر شده در ۱۳۹۵/۰۸/۱۵", "2016-11-05", "day", "1395-08-15")]
    [TestCase("در هفتم مرداد ۱۳۶۷", "1988-07-29", "day", "1367-05-07")]
    [TestCase("در بیست و یکم مرداد ۱۳۶۷", "1988-08-12", "day", "1367-05-21")]
    [TestCase("on 15 Aban 1395 in Tehran", "2016-11-05", "day", "1395-08-15")]
    [TestCase("۱۵ آبان 1395", "2016-11-05", "day", "1395-08-15")]
    [TestCase("در مرداد ۱۳۶۷", "1988-07", "month", "1367-05")]
    [TestCase("در تابستان ۱۳۶۷ اعدام شدند", "1988", "season", "1367")]
    [TestCase("در تابستان سال ۶۷", "1988", "season", "1367")]
    [TestCase("در سال ۶۷ کشته شدند", "1988", "year", "1367")]
    [TestCase("سال ۱۳۶۷", "1988", "year", "1367")]
    public void Solar_hijri_dates_convert_to_gregorian(string text, string value, string precision, string solar)
    {
        var date = Single(text, "date");
        Assert.That(date.Value, Is.EqualTo(value));
        Assert.That(date.Precision, Is.EqualTo(precision));
        Assert.That(date.Calendar, Is.EqualTo("persian"));
        Assert.That(date.SolarHijri, Is.EqualTo(solar));
    }

    [Test]
    public void A_gregorian_date_in_persian_month_names()
    {
        var date = Single("در ۲۸ اوت ۲۰۱۶ گفت", "date");
        Assert.That(date.Value, Is.EqualTo("2016-08-28"));
        Assert.That(date.Calendar, Is.EqualTo("gregorian"));
    }

    [Test]
    public void A_date_covers_its_interval()
    {
        var season = Single("the summer of 1988", "date");
        Assert.That((season.From, season.To), Is.EqualTo((19880601, 19880831)));
        var solarYear = Single("سال ۱۳۶۷", "date");
        Assert.That((solarYear.From, solarYear.To), Is.EqualTo((19880321, 19890320)));
    }

    [TestCase("2000 prisoners were freed", TestName = "A four-digit number that counts something is a figure")]
    [TestCase("more than 1988 names", TestName = "A qualified number is a figure")]
    [TestCase("Call 021 8877 6655 today", TestName = "Phone numbers are not dates")]
    public void Not_dates(string text) => None(text, "date");
}
