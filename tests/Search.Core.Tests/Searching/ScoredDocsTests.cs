using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>The merges queries are made of, checked against plain set arithmetic on many random sets.</summary>
public class ScoredDocsTests
{
    private static ScoredDocs RandomSet(Random random, int universe, double density)
    {
        var docs = Enumerable.Range(0, universe).Where(_ => random.NextDouble() < density).ToArray();
        var scores = docs.Select(_ => (float)Math.Round(random.NextDouble() * 10, 2)).ToArray();
        return new ScoredDocs(docs, scores, docs.Length);
    }

    private static Dictionary<int, float> AsMap(ScoredDocs set) =>
        Enumerable.Range(0, set.Count).ToDictionary(i => set.Docs[i], i => set.Scores[i]);

    private static void AssertAscending(ScoredDocs set)
    {
        for (var i = 1; i < set.Count; i++)
        {
            Assert.That(set.Docs[i], Is.GreaterThan(set.Docs[i - 1]), "rowids ascending, each once");
        }
    }

    // 2 to 4 parts merge pairwise; more accumulate into an array: both ways are checked.
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(9)]
    public void A_union_holds_every_document_of_any_part_with_the_sum_of_its_scores(int parts)
    {
        var random = new Random(parts);
        for (var round = 0; round < 50; round++)
        {
            var sets = Enumerable.Range(0, parts).Select(_ => RandomSet(random, 2000, random.NextDouble() * 0.3)).ToList();
            var union = ScoredDocs.Union(sets);
            var expected = sets.SelectMany(AsMap).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

            AssertAscending(union);
            Assert.That(AsMap(union).Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (doc, score) in AsMap(union))
            {
                Assert.That(score, Is.EqualTo(expected[doc]).Within(1e-3));
            }
        }
    }

    [Test]
    public void An_intersection_holds_the_documents_of_every_part_with_the_sum_of_their_scores()
    {
        var random = new Random(7);
        for (var round = 0; round < 100; round++)
        {
            // Parts of very different sizes: the rare one walks, the common ones are sought in by galloping.
            var sets = Enumerable.Range(0, 1 + random.Next(4)).Select(i => RandomSet(random, 5000, i == 0 ? 0.01 : 0.5 + (random.NextDouble() * 0.5))).ToList();
            var intersection = ScoredDocs.Intersect(sets);
            var maps = sets.Select(AsMap).ToList();
            var expected = maps[0].Keys.Where(d => maps.All(m => m.ContainsKey(d))).ToList();

            AssertAscending(intersection);
            Assert.That(AsMap(intersection).Keys, Is.EquivalentTo(expected));
            foreach (var (doc, score) in AsMap(intersection))
            {
                Assert.That(score, Is.EqualTo(maps.Sum(m => m[doc])).Within(1e-3));
            }
        }
    }

    [Test]
    public void Except_keeps_the_documents_and_scores_of_the_first_set_the_second_does_not_hold()
    {
        var random = new Random(11);
        for (var round = 0; round < 100; round++)
        {
            var include = RandomSet(random, 3000, random.NextDouble());
            var exclude = RandomSet(random, 3000, random.NextDouble());
            var result = ScoredDocs.Except(include, exclude);
            var excluded = AsMap(exclude);
            var expected = AsMap(include).Where(p => !excluded.ContainsKey(p.Key)).ToDictionary();

            AssertAscending(result);
            Assert.That(AsMap(result), Is.EquivalentTo(expected));
        }
    }

    [Test]
    public void Seek_finds_the_first_position_at_or_after_a_rowid_from_any_start()
    {
        var random = new Random(3);
        var set = RandomSet(random, 10_000, 0.2);
        for (var round = 0; round < 2000; round++)
        {
            var from = random.Next(set.Count + 1);
            var target = random.Next(-5, 10_010);
            var expected = from;
            while (expected < set.Count && set.Docs[expected] < target)
            {
                expected++;
            }

            Assert.That(ScoredDocs.Seek(set.Docs, set.Count, from, target), Is.EqualTo(expected), $"from {from} to {target}");
        }
    }

    [Test]
    public void The_best_are_the_highest_scores_ties_to_the_lower_rowid_at_every_size_and_page()
    {
        // Scores of few distinct values tie often; sizes around the vector width and its multiples, and larger ones
        // whose best must be found past blocks that cannot enter.
        var random = new Random(3);
        foreach (var size in new[] { 1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 100, 257, 5_000, 40_000 })
        {
            foreach (var distinct in new[] { 3, 1_000 })
            {
                var docs = Enumerable.Range(0, size).Select(i => i * 3).ToArray();
                var scores = Enumerable.Range(0, size).Select(_ => (float)random.Next(distinct)).ToArray();
                foreach (var n in new[] { 1, 10, 100, 1_000 })
                {
                    var set = new ScoredDocs(docs, scores, size);
                    var expected = Enumerable.Range(0, size).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(n);
                    Assert.That(set.Best(n), Is.EqualTo(expected), $"{size} scores of {distinct} values, best {n}");
                }
            }
        }
    }
}
