using static Search.Core.Tests.Extraction.ExtractionAssertions;

namespace Search.Core.Tests.Extraction;

public class NameExtractionTests
{
    [TestCase("Khamenei said", "ali-khamenei")]
    [TestCase("Khamenei’s mouthpiece", "ali-khamenei")]
    [TestCase("Ayatollah Khamenei", "ali-khamenei")]
    [TestCase("خامنه‌ای گفت", "ali-khamenei")]
    [TestCase("خامنه ای گفت", "ali-khamenei")]
    [TestCase("خامنه اي گفت", "ali-khamenei")]
    [TestCase("Mostafa Pour-Mohammadi", "mostafa-pourmohammadi")]
    [TestCase("Pourmohammadi", "mostafa-pourmohammadi")]
    [TestCase("Pour Mohammadi", "mostafa-pourmohammadi")]
    [TestCase("پورمحمدی", "mostafa-pourmohammadi")]
    [TestCase("آیت‌الله منتظری", "hossein-ali-montazeri")]
    public void Gazetteer_persons_in_any_spelling(string text, string id) =>
        Assert.That(Single(text, "person").Value, Is.EqualTo(id));

    [TestCase("Evin Prison", "evin-prison")]
    [TestCase("in Evin", "evin-prison")]
    [TestCase("زندان اوین", "evin-prison")]
    [TestCase("Khavaran cemetery", "khavaran")]
    [TestCase("در خاوران", "khavaran")]
    [TestCase("Gohardasht", "gohardasht-prison")]
    [TestCase("Tehran", "tehran")]
    [TestCase("in Tehran Province", "tehran-province")]
    public void Gazetteer_places(string text, string id) =>
        Assert.That(Single(text, "place").Value, Is.EqualTo(id));

    [Test]
    public void Every_alias_is_found_as_it_is_written_and_as_one_word_that_analyzes_to_its_terms()
    {
        // "Pourmohammadi" for "Pour-Mohammadi": one word whose term is the alias's terms written together is the name.
        var matcher = Analyzers.Settings.Extractor.Gazetteer;
        var joined = 0;
        foreach (var entry in Analyzers.Settings.Gazetteer.Entries)
        {
            foreach (var alias in entry.Aliases)
            {
                var terms = matcher.Analyzer.Analyze(alias).Select(t => t.Term).ToList();
                if (terms.Count == 0)
                {
                    continue;
                }

                var asWritten = char.ToUpperInvariant(alias[0]) + alias[1..];
                Assert.That(matcher.Match(asWritten, matcher.Analyzer.Analyze(asWritten)).Select(e => e.Value), Does.Contain(entry.Id), asWritten);
                var word = asWritten.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
                var wordTokens = matcher.Analyzer.Analyze(word);
                if (terms.Count > 1 && wordTokens.Count == 1 && wordTokens[0].Term == string.Concat(terms))
                {
                    Assert.That(matcher.Match(word, wordTokens).Select(e => e.Value), Does.Contain(entry.Id), word);
                    joined++;
                }
            }
        }

        Assert.That(joined, Is.GreaterThan(10), "aliases of several words that join into one");
    }

    [Test]
    public void A_name_does_not_run_across_a_bracket()
    {
        var places = Extract("Khavaran (a cemetery in Tehran)").Where(e => e.Kind == "place").ToList();
        Assert.That(places.Select(p => p.Text), Is.EqualTo(new[] { "Khavaran", "Tehran" }));
    }

    [Test]
    public void A_one_word_latin_alias_needs_a_capital()
    {
        None("the judiciary was silent", "org");
        Assert.That(Single("the Judiciary was silent", "org").Value, Is.EqualTo("judiciary"));
    }

    [TestCase("Mr. Hamid Azadi spoke", "Hamid Azadi")]
    [TestCase("Dr Parisa Kamali said", "Parisa Kamali")]
    [TestCase("witness Reza Shokri testified", "Reza Shokri")]
    [TestCase("آقای حمید آزادی گفت", "حمید آزادی")]
    [TestCase("خانم کمالی گفت", "کمالی")]
    [TestCase("به گفته علیرضا حسینی‌زاده", "علیرضا حسینی‌زاده")]
    public void Names_outside_the_gazetteer_are_discovered(string text, string name)
    {
        var person = Single(text, "person");
        Assert.That(person.Text, Is.EqualTo(name));
        Assert.That(person.Discovered, Is.True);
    }

    [Test]
    public void A_surname_after_a_title_is_the_person_named_in_full_elsewhere()
    {
        var persons = Extract("حمید قاسمی منصوب شد. در حکم دکتر قاسمی آمده است").Where(e => e.Kind == "person").ToList();
        Assert.That(persons.Select(p => p.Value).Distinct(), Is.EqualTo(new[] { "حمید قاسمی" }));
        Assert.That(persons, Has.Count.EqualTo(2));
    }

    [TestCase("Mehr News Agency reported", TestName = "A name-like word before an institution word is no name")]
    [TestCase("the United Arab Emirates", TestName = "A country name is no name")]
    [TestCase("The President said", TestName = "A title alone is no name")]
    [TestCase("Mr President, we ask", TestName = "A title and an office are no name")]
    [TestCase("امید زیادی داریم", TestName = "A given name that is also a word, before an adjective, is no name")]
    [TestCase("علی رغم فشارها", TestName = "A given name before a non-name word is no name")]
    public void Not_names(string text) => None(text, "person");
}
