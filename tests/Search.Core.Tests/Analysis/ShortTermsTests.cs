using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// The table of short terms keeps a term's characters packed in its slot: every key must find exactly what was added
/// for it, however nearly alike two keys pack, as the table grows and after it is cleared.
/// </summary>
public class ShortTermsTests
{
    private static void Add(ShortTerms table, string key, string? term, int number)
    {
        ref var slot = ref table.Find(key, out var found);
        Assert.That(found, Is.False, $"{key} was not added before");
        table.Add(ref slot, key, term, number);
    }

    private static (string? Term, int Number)? Get(ShortTerms table, string key)
    {
        ref var slot = ref table.Find(key, out var found);
        return found ? (slot.Term, slot.Number) : null;
    }

    [Test]
    public void Keys_that_differ_in_length_or_in_one_character_anywhere_are_kept_apart()
    {
        // Prefixes of one another, every length up to the longest kept, and the same characters in other places.
        string[] keys =
        [
            "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "abcdefghijkl", "abcdefghijkk", "bbcdefghijkl",
            "abcdefgXijkl", "ba", "dcba", "زندان", "زندانی", "زندانیان", "زندان\u200Cها", "زندانها", "كتاب", "کتاب",
        ];
        var table = new ShortTerms();
        for (var i = 0; i < keys.Length; i++)
        {
            Add(table, keys[i], i % 3 == 0 ? null : keys[i] + "/stem", i);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.That(Get(table, keys[i]), Is.EqualTo(((string?, int)?)(i % 3 == 0 ? null : keys[i] + "/stem", i)), keys[i]);
        }

        Assert.That(Get(table, "abcdefghij"), Is.Null);
        Assert.That(Get(table, "زندانیا"), Is.Null);
        Assert.That(table.Count, Is.EqualTo(keys.Length));
    }

    [Test]
    public void Every_term_is_found_as_the_table_grows_and_none_after_it_is_cleared_when_full()
    {
        var table = new ShortTerms();
        var keys = Enumerable.Range(0, ShortTerms.Capacity).Select(i => $"t{i}x").ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            Add(table, keys[i], keys[i].ToUpperInvariant(), i);
        }

        Assert.That(table.Count, Is.EqualTo(ShortTerms.Capacity));
        for (var i = 0; i < keys.Count; i += 7)
        {
            Assert.That(Get(table, keys[i]), Is.EqualTo(((string?, int)?)(keys[i].ToUpperInvariant(), i)), keys[i]);
        }

        // Full: the next term empties the table rather than being added.
        ref var slot = ref table.Find("overflow", out var found);
        Assert.That(found, Is.False);
        table.Add(ref slot, "overflow", "OVERFLOW", -1);
        Assert.That(table.Count, Is.Zero);
        Assert.That(Get(table, keys[0]), Is.Null);
        Assert.That(Get(table, "overflow"), Is.Null);

        Add(table, "overflow", "OVERFLOW", -1);
        Assert.That(Get(table, "overflow"), Is.EqualTo(((string?, int)?)("OVERFLOW", -1)));
    }
}
