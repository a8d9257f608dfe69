using static Search.Core.Tests.Extraction.ExtractionAssertions;

namespace Search.Core.Tests.Extraction;

public class FigureExtractionTests
{
    [TestCase("more than 33,000 people were executed", 33000, "more than", "people")]
    [TestCase("over 30,000 political prisoners", 30000, "more than", "political prisoners")]
    [TestCase("some 30,000 political prisoners", 30000, "about", "political prisoners")]
    [TestCase("in at least 12 Iranian provinces", 12, "at least", "Iranian provinces")]
    [TestCase("in more than 70 cities.", 70, "more than", "cities")]
    [TestCase("details of 213 regime officials who", 213, null, "regime officials")]
    [TestCase("eight mass graves which", 8, null, "mass graves")]
    [TestCase("a dozen witnesses", 12, null, "witnesses")]
    [TestCase("nearly three decades", 3, "nearly", "decades")]
    [TestCase("up to 5,000 detainees", 5000, "up to", "detainees")]
    [TestCase("20 percent of them", 20, null, "percent")]
    [TestCase("Five non-OPEC countries took part", 5, null, "non-OPEC countries")]
    public void English_figures(string text, double number, string? qualifier, string? unit)
    {
        var figure = Single(text, "figure");
        Assert.That(figure.Number, Is.EqualTo(number));
        Assert.That(figure.Qualifier, Is.EqualTo(qualifier));
        Assert.That(figure.Unit, Is.EqualTo(unit));
    }

    [Test]
    public void A_number_restated_in_words_is_one_figure()
    {
        var figure = Single("over 33,700 (thirty-three-thousand seven-hundred) prisoners with sentences", "figure");
        Assert.That(figure.Number, Is.EqualTo(33700));
        Assert.That(figure.Unit, Is.EqualTo("prisoners"));
    }

    [TestCase("thirty-three-thousand seven-hundred prisoners", 33700)]
    [TestCase("three thousand and seven hundred people", 3700)]
    [TestCase("2 million refugees", 2_000_000)]
    public void Numbers_in_words(string text, double number) =>
        Assert.That(Single(text, "figure").Number, Is.EqualTo(number));

    [TestCase("between 2,800 and 3,800 prisoners", 2800, 3800)]
    [TestCase("2,800 to 3,800 prisoners", 2800, 3800)]
    [TestCase("2,800–3,800 prisoners", 2800, 3800)]
    [TestCase("two to three months", 2, 3)]
    [TestCase("بین ۱٬۸۷۹ تا ۴٬۴۸۲ نفر", 1879, 4482)]
    public void Ranges(string text, double low, double high)
    {
        var figure = Single(text, "figure");
        Assert.That((figure.Number, figure.Upper), Is.EqualTo((low, (double?)high)));
    }

    [TestCase("۳۰٬۰۰۰ زندانی", 30000, null, "زندانی")]
    [TestCase("۴٬۴۸۲نفر اعدام شدند", 4482, null, "نفر")]
    [TestCase("دوازده هزار نفر", 12000, null, "نفر")]
    [TestCase("بیش از ۳۰ هزار زندانی سیاسی", 30000, "بیش از", "زندانی سیاسی")]
    [TestCase("دست‌کم سی هزار نفر", 30000, "دست‌کم", "نفر")]
    [TestCase("حدود ۵۰۰ نفر", 500, "حدود", "نفر")]
    [TestCase("سه هزار و هفتصد نفر", 3700, null, "نفر")]
    public void Persian_figures(string text, double number, string? qualifier, string? unit)
    {
        var figure = Single(text, "figure");
        Assert.That(figure.Number, Is.EqualTo(number));
        Assert.That(figure.Qualifier, Is.EqualTo(qualifier));
        Assert.That(figure.Unit, Is.EqualTo(unit));
    }

    [TestCase("the 20th anniversary of the massacre", TestName = "Ordinals are not figures")]
    [TestCase("بیستمین سالگرد", TestName = "Persian ordinal words are not figures")]
    [TestCase("۲۰مین سالگرد", TestName = "Persian ordinal digits are not figures")]
    [TestCase("He was aged 45 when arrested.", TestName = "Ages are not figures")]
    [TestCase("a 45-year-old teacher", TestName = "Hyphenated ages are not figures")]
    [TestCase("او ۴۵ ساله است", TestName = "Persian ages are not figures")]
    [TestCase("Call +98 21 8877 6655 now", TestName = "Phone numbers are not figures")]
    [TestCase("شماره ۰۲۱ ۸۸ ۷۷۶۶۵۵", TestName = "Persian phone numbers are not figures")]
    [TestCase("under Article 18 of the law", TestName = "Article numbers are not figures")]
    [TestCase("held in Ward 209", TestName = "Ward numbers are not figures")]
    [TestCase("at 10:30 in the morning", TestName = "Clock times are not figures")]
    [TestCase("one of the prisoners", TestName = "One as a word is not a figure")]
    [TestCase("the 11-member cartel", TestName = "A number in a compound modifier is not a figure")]
    [TestCase("in 1988", TestName = "Years are dates, not figures")]
    [TestCase("life…”3 Now", TestName = "Footnote marks are not figures")]
    public void Not_figures(string text) => None(text, "figure");
}
