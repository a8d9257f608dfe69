using System.Reflection;
using Search.Core.Extraction;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Extraction;

/// <summary>The entities a document's row stores come back as they were extracted, and a mention costs little.</summary>
public class EntityStorageTests
{
    private static List<Entity> RoundTrip(IReadOnlyList<Entity> entities, string text) => StoredEntities.Decode(StoredEntities.Encode(entities, text).ToArray(), text);

    [Test]
    public void Every_member_of_an_entity_survives_storage()
    {
        // Every member set to something other than its default, found by reflection: a member added to Entity later and
        // forgotten by the hand-written encoder fails here. The text does not hold the entity's words at its offsets,
        // so they are stored too.
        var entity = new Entity { Kind = "k", Value = "v", Label = "l", Text = "t", Start = 3, End = 9 };
        foreach (var property in typeof(Entity).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            object value = property.PropertyType switch
            {
                var t when t == typeof(string) => $"{property.Name} «تهران» \"quoted\"",
                var t when t == typeof(int) => property.Name.Length + 1,
                var t when t == typeof(bool) => true,
                var t when t == typeof(double?) => property.Name.Length + 0.25,
                var t => throw new AssertionException($"the test does not know how to fill a {t.Name} member ({property.Name})"),
            };
            property.SetValue(entity, value);
        }

        Assert.That(RoundTrip([entity], "a text that does not say it"), Is.EqualTo(new[] { entity }));
    }

    [Test]
    public void Negative_and_fractional_numbers_and_out_of_order_mentions_survive_storage()
    {
        const string text = "between -2.5 and 1e9 people, said Evin";
        Entity[] entities =
        [
            new() { Kind = "place", Value = "evin", Label = "Evin", Text = "Evin", Start = 34, End = 38, Type = "prison" },
            new() { Kind = "figure", Value = "-2.5", Label = "-2.5", Text = "-2.5", Start = 8, End = 12, Number = -2.5, Upper = 1e9, Unit = "people" },
            new() { Kind = "date", Value = "--04-13", Label = "April 13", Text = "", Start = 0, End = 0, From = -5, To = 0 },
        ];

        Assert.That(RoundTrip(entities, text), Is.EqualTo(entities));
    }

    [Test]
    public void Entities_extracted_from_the_seed_documents_read_back_equal()
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt");
        Assert.That(seeds, Is.Not.Empty);
        foreach (var file in seeds)
        {
            var text = File.ReadAllText(file);
            var entities = Analyzers.Settings.Extractor.Extract(text);
            Assert.That(entities, Is.Not.Empty, file);
            Assert.That(RoundTrip(entities, text), Is.EqualTo(entities), file);
        }
    }

    [TestCase("fa")]
    [TestCase("en")]
    public void Entities_extracted_from_real_documents_read_back_equal(string language)
    {
        var found = 0;
        foreach (var text in RealCorpusAnalysisTests.Documents(language, 150))
        {
            var entities = Analyzers.Settings.Extractor.Extract(text);
            found += entities.Count;
            Assert.That(RoundTrip(entities, text), Is.EqualTo(entities));
        }

        Assert.That(found, Is.GreaterThan(150), "the documents name entities");
    }

    [Test]
    public void A_mention_of_an_entity_named_before_costs_only_its_offsets()
    {
        const string text = "Evin prison. Evin again, and Evin.";
        var once = new Entity { Kind = "place", Value = "evin", Label = "Evin", LabelFa = "اوین", Type = "prison", Text = "Evin", Start = 0, End = 4 };
        Entity[] thrice = [once, once with { Start = 13, End = 17 }, once with { Start = 29, End = 33 }];

        var one = StoredEntities.Encode([once], text).Length;
        var three = StoredEntities.Encode(thrice, text).Length;

        // Each further mention: its entity's number, the gap from the previous start and its length, a byte each.
        Assert.That(three - one, Is.EqualTo(6));
    }

    [Test]
    public void Words_at_their_offsets_in_the_text_are_not_stored_again()
    {
        const string text = "Reporters met at the Islamic Revolutionary Court on Monday.";
        var court = new Entity { Kind = "organization", Value = "revolutionary-court", Label = "Revolutionary Court", Text = "Islamic Revolutionary Court", Start = 21, End = 48 };

        var blob = StoredEntities.Encode([court], text).ToArray();

        Assert.That(System.Text.Encoding.UTF8.GetString(blob), Does.Not.Contain("Islamic"));
        Assert.That(StoredEntities.Decode(blob, text).Single().Text, Is.EqualTo("Islamic Revolutionary Court"));
    }
}
