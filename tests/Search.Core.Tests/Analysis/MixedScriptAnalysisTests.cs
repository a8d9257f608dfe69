namespace Search.Core.Tests.Analysis;

/// <summary>The auto analyzer routes each token by its script: Persian words to the Persian chain, Latin to English.</summary>
public class MixedScriptAnalysisTests
{
    [Test]
    public void A_persian_date_line_above_english_text_is_analyzed_in_both_languages()
    {
        var terms = Analyzers.Terms("auto", "۱۳۹۵ آبان ۱۵, شنبه\nMore than 110 senior officials were executed");
        Assert.That(terms, Is.EqualTo(new[] { "1395", "ابان", "15", "شنبه", "more", "than", "110", "senior", "offici", "execut" }));
    }

    [Test]
    public void A_mixed_sentence_gets_each_language_its_own_treatment()
    {
        var terms = Analyzers.Terms("auto", "زندانیان Evin prisoners در کتاب‌های Amnesty’s");
        Assert.That(terms, Is.EqualTo(new[] { "زندانی", "evin", "prison", "کتاب", "amnesti" }));
    }

    [TestCase("fa")]
    [TestCase("en")]
    [TestCase("auto")]
    public void Every_analyzer_folds_digits(string analyzer) =>
        Assert.That(Analyzers.Terms(analyzer, "۳۳٬۰۰۰"), Is.EqualTo(new[] { "33000" }));

    [Test]
    public void The_persian_analyzer_folds_latin_words_without_stemming_them() =>
        Assert.That(Analyzers.Terms("fa", "Prisoners"), Is.EqualTo(new[] { "prisoners" }));

    [Test]
    public void The_english_analyzer_normalizes_persian_letters_without_stemming_them() =>
        Assert.That(Analyzers.Terms("en", "كتابها"), Is.EqualTo(new[] { "کتابها" }));
}
