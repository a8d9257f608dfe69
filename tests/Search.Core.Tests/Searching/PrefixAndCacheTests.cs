using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>Prefix queries over many expansions, and the memory bound of the term score cache.</summary>
public class PrefixAndCacheTests
{
    [Test]
    public void A_prefix_with_more_expansions_than_are_read_one_by_one_still_finds_every_document()
    {
        var files = new Dictionary<string, string>();
        var expansions = PostingsReader.MaxPrefixExpansions + 100;
        for (var i = 0; i < expansions; i++)
        {
            // Two words per document with the prefix, and every tenth document without it.
            files[$"d{i:D4}.txt"] = i % 10 == 0 ? $"Unrelated note {i}." : $"Note on zq{i:D4}a and zq{(i * 7) % expansions:D4}b.";
        }

        using var index = new TestIndex(files);

        Assert.That(index.Search("zq*").Total, Is.EqualTo(expansions - ((expansions + 9) / 10)));
        Assert.That(index.Search("zq0001*").Total, Is.EqualTo(2), "a narrow prefix, read from the postings: zq0001a in d0001 and zq0001b in d0175");
    }

    [Test]
    public void The_term_score_cache_stays_within_its_budget_and_returns_what_was_computed()
    {
        var cache = new TermScoreCache(budgetBytes: 100_000);
        for (var i = 0; i < 1000; i++)
        {
            var docs = Enumerable.Range(i, 1000).ToArray();
            var scored = cache.GetOrAdd(1, $"t{i}", () => new ScoredDocs(docs, new float[docs.Length], docs.Length));

            Assert.That(scored.Docs[0], Is.EqualTo(i));
            Assert.That(cache.Bytes, Is.LessThanOrEqualTo(100_000));
        }

        var computed = 0;
        cache.GetOrAdd(1, "t999", () => { computed++; return ScoredDocs.Empty; });
        Assert.That(computed, Is.Zero, "the newest entry is still there");
        cache.GetOrAdd(1, "t0", () => { computed++; return ScoredDocs.Empty; });
        Assert.That(computed, Is.EqualTo(1), "the oldest was evicted");
    }
}
