using System.Reflection;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>The entities a document's row stores come back as they were extracted.</summary>
public class EntityStorageTests
{
    [Test]
    public void Every_member_of_an_entity_survives_storage()
    {
        // Every member set to something other than its default, found by reflection: a member added to Entity later and
        // forgotten by the hand-written serializer fails here.
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

        var stored = EntityJson.DeserializeAll(EntityJson.SerializeAll([entity]));

        Assert.That(stored, Is.EqualTo(new[] { entity }));
    }

    [Test]
    public void Entities_extracted_from_the_seed_documents_read_back_equal()
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt");
        Assert.That(seeds, Is.Not.Empty);
        foreach (var file in seeds)
        {
            var entities = Analyzers.Settings.Extractor.Extract(File.ReadAllText(file));
            Assert.That(entities, Is.Not.Empty, file);
            Assert.That(EntityJson.DeserializeAll(EntityJson.SerializeAll(entities)), Is.EqualTo(entities), file);
        }
    }

    [Test]
    public void Members_holding_their_defaults_are_not_stored()
    {
        var json = EntityJson.SerializeAll([new Entity { Kind = "place", Value = "evin", Label = "Evin", Text = "Evin", Start = 0, End = 4 }]);
        Assert.That(json, Is.EqualTo("""[{"kind":"place","value":"evin","label":"Evin","text":"Evin","start":0,"end":4}]"""));
    }
}
