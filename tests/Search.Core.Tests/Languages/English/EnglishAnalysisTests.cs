using Search.Core.Languages.English;

namespace Search.Core.Tests.Languages.English;

public class EnglishAnalysisTests
{
    [TestCase("Khamenei's", "khamenei")]
    [TestCase("Khamenei’s", "khamenei")]
    [TestCase("prisoners'", "prison")]
    [TestCase("regime’s", "regim")]
    public void Possessives_are_removed_before_stemming(string word, string term) =>
        Assert.That(Analyzers.Terms("en", word), Is.EqualTo(new[] { term }));

    [TestCase("Café", "cafe")]
    [TestCase("RÉSUMÉ", "resume")]
    [TestCase("Straße", "strasse")]
    [TestCase("Øresund", "oresund")]
    [TestCase("naïve", "naive")]
    [TestCase("don't", "dont")]
    [TestCase("U.S.A", "usa")]
    [TestCase("Evin", "evin")]
    [TestCase("covid19", "covid19")]
    public void Latin_folding_lowercases_and_removes_diacritics(string word, string folded) =>
        Assert.That(LatinFolding.Fold(word), Is.EqualTo(folded));

    [Test]
    public void A_word_already_folded_is_returned_without_a_copy()
    {
        var word = new string("prisoners".AsSpan());
        Assert.That(LatinFolding.Fold(word), Is.SameAs(word));
    }

    [Test]
    public void Stop_words_are_dropped_and_meaningful_negations_kept() =>
        Assert.That(Analyzers.Terms("en", "the prisoners were not released"), Is.EqualTo(new[] { "prison", "not", "releas" }));

    [Test]
    public void Without_stemming_words_are_only_folded() =>
        Assert.That(Analyzers.Terms("en", "Executions in Tehran", stem: false), Is.EqualTo(new[] { "executions", "tehran" }));

    [Test]
    public void Words_with_digits_are_not_stemmed() =>
        Assert.That(Analyzers.Terms("en", "the 1980s and 20th"), Is.EqualTo(new[] { "1980s", "20th" }));

    [Test]
    public void Digits_of_any_script_fold_in_english_text_too() =>
        Assert.That(Analyzers.Terms("en", "in ۱۹۸۸ and ١٩٨٨"), Is.EqualTo(new[] { "1988", "1988" }));
}
