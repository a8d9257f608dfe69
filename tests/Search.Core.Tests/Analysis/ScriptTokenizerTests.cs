using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

public class ScriptTokenizerTests
{
    private static string[] Raw(string text) => [.. ScriptTokenizer.Tokenize(text).Select(t => t.Term)];

    [TestCase("33,000 people", new[] { "33000", "people" })]
    [TestCase("۳۰٬۰۰۰ زندانی", new[] { "30000", "زندانی" })]
    [TestCase("٤٫٥ درصد", new[] { "4.5", "درصد" })]
    [TestCase("version 8.8.1 works", new[] { "version", "8.8.1", "works" })]
    [TestCase("1,2,3", new[] { "1", "2", "3" })]
    [TestCase("۴٬۴۸۲نفر", new[] { "4482", "نفر" })]
    [TestCase("the 20th anniversary", new[] { "the", "20th", "anniversary" })]
    [TestCase("۱۳۹۵/۰۸/۱۵", new[] { "1395", "08", "15" })]
    public void Numbers_keep_their_separators_and_come_out_in_ascii_digits(string text, string[] expected) =>
        Assert.That(Raw(text), Is.EqualTo(expected));

    [TestCase("Pour-Mohammadi", new[] { "Pour", "Mohammadi" })]
    [TestCase("Khamenei’s mouthpiece", new[] { "Khamenei’s", "mouthpiece" })]
    [TestCase("the U.S. government", new[] { "the", "U.S", "government" })]
    [TestCase("prisoners' families", new[] { "prisoners'", "families" })]
    [TestCase("don't stop", new[] { "don't", "stop" })]
    public void Latin_words_split_at_hyphens_and_keep_inner_apostrophes(string text, string[] expected) =>
        Assert.That(Raw(text), Is.EqualTo(expected));

    [Test]
    public void A_zwnj_inside_a_persian_word_does_not_split_it()
    {
        var tokens = ScriptTokenizer.Tokenize("می\u200Cخواهم بروم");
        Assert.That(tokens.Select(t => t.Term), Is.EqualTo(new[] { "می\u200Cخواهم", "بروم" }));
        Assert.That(tokens[0].Script, Is.EqualTo(TokenScript.Arabic));
    }

    [Test]
    public void Harakat_and_tatweel_stay_inside_the_word_they_decorate()
    {
        var tokens = ScriptTokenizer.Tokenize("مُحَمَّد و کـــتاب");
        Assert.That(tokens.Select(t => t.Term), Is.EqualTo(new[] { "مُحَمَّد", "و", "کـــتاب" }));
    }

    [Test]
    public void A_tatweel_standing_alone_as_a_dash_is_no_word() =>
        Assert.That(Raw("عراق ـ 5"), Is.EqualTo(new[] { "عراق", "5" }));

    [Test]
    public void A_trailing_zwnj_is_not_part_of_the_word()
    {
        var tokens = ScriptTokenizer.Tokenize("کتاب\u200C ها");
        Assert.That(tokens[0].End, Is.EqualTo(4));
    }

    [Test]
    public void Offsets_are_utf16_positions_in_the_original_text()
    {
        const string text = "Evin (اوین) — ۱۳۶۷";
        foreach (var token in ScriptTokenizer.Tokenize(text))
        {
            var original = text[token.Start..token.End];
            Assert.That(original, Is.Not.Empty);
            if (token.Script != TokenScript.Number)
            {
                Assert.That(original, Is.EqualTo(token.Term));
            }
        }

        Assert.That(ScriptTokenizer.Tokenize(text).Select(t => (t.Start, t.End)), Is.EqualTo(new[] { (0, 4), (6, 10), (14, 18) }));
    }

    [Test]
    public void Mixed_script_text_gets_one_script_per_token()
    {
        var tokens = ScriptTokenizer.Tokenize("Evinاوین 1988");
        Assert.That(tokens.Select(t => t.Script), Is.EqualTo(new[] { TokenScript.Latin, TokenScript.Arabic, TokenScript.Number }));
    }
}
