using Search.Core.Languages.Persian;

namespace Search.Core.Tests.Languages.Persian;

public class PersianLettersTests
{
    [TestCase("كتاب", "کتاب", TestName = "Arabic kaf becomes Persian kaf")]
    [TestCase("علي", "علی", TestName = "Arabic yeh becomes Persian yeh")]
    [TestCase("موسى", "موسی", TestName = "Alef maksura becomes Persian yeh")]
    [TestCase("مدرسة", "مدرسه", TestName = "Teh marbuta becomes heh")]
    [TestCase("خانۀ", "خانه", TestName = "Heh with yeh above becomes heh")]
    [TestCase("خانهٔ", "خانه", TestName = "Hamza above is removed")]
    [TestCase("إيران", "ایران", TestName = "Alef with hamza below becomes alef")]
    [TestCase("أحمد", "احمد", TestName = "Alef with hamza above becomes alef")]
    [TestCase("آزادی", "ازادی", TestName = "Alef with madda becomes alef")]
    [TestCase("ٱلله", "الله", TestName = "Alef wasla becomes alef")]
    [TestCase("مسؤول", "مسوول", TestName = "Waw with hamza becomes waw")]
    [TestCase("رئیس", "رییس", TestName = "Yeh with hamza becomes yeh")]
    [TestCase("مُحَمَّد", "محمد", TestName = "Harakat are removed")]
    [TestCase("رحمٰن", "رحمن", TestName = "Superscript alef is removed")]
    [TestCase("کـــتاب", "کتاب", TestName = "Tatweel is removed")]
    [TestCase("۱۳۶۷", "1367", TestName = "Persian digits fold to ASCII")]
    [TestCase("١٣٦٧", "1367", TestName = "Arabic-Indic digits fold to ASCII")]
    public void Normalizes_to_one_form(string input, string expected) =>
        Assert.That(PersianLetters.Normalize(input), Is.EqualTo(expected));

    [TestCase("می\u200Cخواهم", TestName = "ZWNJ stays as the word-part boundary")]
    [TestCase("می\u200Dخواهم", TestName = "ZWJ becomes ZWNJ")]
    [TestCase("می\u00ADخواهم", TestName = "Soft hyphen becomes ZWNJ")]
    [TestCase("می\u200C\u200Cخواهم\u200C", TestName = "Repeated and trailing ZWNJ collapse")]
    [TestCase("\u200Cمی\u200Cخواهم", TestName = "A leading ZWNJ is dropped")]
    public void Joiners_become_a_single_zwnj(string input) =>
        Assert.That(PersianLetters.Normalize(input), Is.EqualTo("می\u200Cخواهم"));

    [TestCase("می\u200Cخواهم", "میخواهم")]
    [TestCase("كتاب\u200Cها", "کتابها")]
    public void Folding_removes_the_joiners(string input, string expected) =>
        Assert.That(PersianLetters.Fold(input), Is.EqualTo(expected));

    [Test]
    public void Already_normalized_text_is_unchanged()
    {
        const string text = "اعدام زندانیان سیاسی در تابستان 1367";
        Assert.That(PersianLetters.Normalize(text), Is.EqualTo(text));
    }

    [Test]
    public void A_word_longer_than_the_stack_buffer_is_normalized_whole()
    {
        var word = string.Concat(Enumerable.Repeat("كتاب", 100)); // 400 characters with an Arabic kaf in each
        Assert.That(PersianLetters.Normalize(word), Is.EqualTo(string.Concat(Enumerable.Repeat("کتاب", 100))));
    }

    [Test]
    public void A_word_already_in_normal_form_is_returned_without_a_copy()
    {
        var word = new string("زندانیان".AsSpan());
        Assert.That(PersianLetters.Normalize(word), Is.SameAs(word));
    }
}
