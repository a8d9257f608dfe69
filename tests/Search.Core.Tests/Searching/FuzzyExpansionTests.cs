using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A fuzzy term expands to every word of the title and body columns within its edits, and to nothing else: the
/// expansion looks only at terms of a length within reach and turns others away by their letters, so it is held
/// against a plain comparison with every word, in English and Persian, short words and long ones.
/// </summary>
public class FuzzyExpansionTests
{
    [Test]
    public void Near_terms_are_exactly_the_words_within_the_edits()
    {
        string[] english = ["prison", "prisons", "prisoner", "poison", "person", "reason", "treason", "evin", "even", "oven", "i", "a", "an", "at", "witness", "witnesses", "fitness", "executions", "execution"];
        string[] persian = ["زندان", "زندانی", "زندانها", "اعدام", "اعلام", "اوین", "آوین", "شاهد", "شاهدان", "شهید", "تهران", "تهرانی"];
        var files = new Dictionary<string, string>();
        for (var i = 0; i < 40; i++)
        {
            files[$"d{i:D2}.txt"] = string.Join(' ', english.Skip(i % 7).Take(9)) + ". " + string.Join(' ', persian.Skip(i % 5).Take(7)) + ".";
        }

        using var index = new TestIndex(files);
        using var search = SearchIndex.Open(index.Directory.CurrentGeneration()!);
        var vocabulary = search.LoadedVocabulary();
        var words = vocabulary.ColumnTermsStartingWith(0, "", int.MaxValue).Concat(vocabulary.ColumnTermsStartingWith(1, "", int.MaxValue)).Distinct().ToList();
        Assert.That(words, Has.Count.GreaterThan(12), "there are words to compare");

        var compared = 0;
        foreach (var word in words.Concat(["prisn", "witnes", "xyz", "زندن", "اعدم", "q", ""]))
        {
            foreach (var edits in (int[])[1, 2])
            {
                var expected = words.Where(w => w != word && EditDistance.Bounded(word, w, edits) <= edits).Order(StringComparer.Ordinal);
                Assert.That(vocabulary.Near(word, edits).Order(StringComparer.Ordinal), Is.EqualTo(expected), $"'{word}' within {edits}");
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(40));
    }
}
