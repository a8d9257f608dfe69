using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>Facet counts against brute-force counts over the same documents, with multi-select filters.</summary>
public class FacetCountTests
{
    private TestIndex _index = null!;
    private readonly Dictionary<string, (string Lang, string Text)> _docs = [];

    [OneTimeSetUp]
    public void Build()
    {
        var random = new Random(7);
        var english = new[] { "prison", "execution", "tehran", "report", "witness" };
        var persian = new[] { "زندان", "اعدام", "تهران", "گزارش", "شاهد" };
        for (var i = 0; i < 60; i++)
        {
            var fa = i % 3 == 0;
            var words = fa ? persian : english;
            var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]));
            _docs[$"doc{i:D3}"] = (fa ? "fa" : "en", text);
        }

        _index = new TestIndex(_docs.ToDictionary(d => d.Key + ".txt", d => d.Value.Text));
    }

    [OneTimeTearDown]
    public void Dispose() => _index.Dispose();

    [TestCase("prison OR زندان")]
    [TestCase("tehran OR تهران")]
    [TestCase("")]
    public void Counts_equal_brute_force_counts(string query)
    {
        var results = _index.Engine.Search(new SearchQuery { Text = query, Limit = 100 });
        var matching = results.Hits.Select(h => h.Id).ToHashSet();
        Assert.That(results.Total, Is.EqualTo(matching.Count), "all hits fit on one page here");
        foreach (var count in results.Facets["lang"])
        {
            Assert.That(count.Count, Is.EqualTo(matching.Count(id => _docs[id].Lang == count.Value)), count.Value);
        }
    }

    [Test]
    public void A_dimension_counts_ignore_its_own_filter_so_a_second_value_shows_what_it_adds()
    {
        var unfiltered = _index.Engine.Search(new SearchQuery { Text = "", Limit = 100 });
        var filtered = _index.Engine.Search(new SearchQuery
        {
            Text = "",
            Limit = 100,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["lang"] = ["fa"] },
        });
        Assert.That(filtered.Total, Is.EqualTo(_docs.Count(d => d.Value.Lang == "fa")));
        Assert.That(filtered.Hits.Select(h => h.Language), Is.All.EqualTo("fa"));
        Assert.That(filtered.Facets["lang"], Is.EquivalentTo(unfiltered.Facets["lang"]));
    }

    [Test]
    public void Values_of_one_dimension_or_together()
    {
        var both = _index.Engine.Search(new SearchQuery
        {
            Limit = 100,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["lang"] = ["fa", "en"] },
        });
        Assert.That(both.Total, Is.EqualTo(_docs.Count));
    }

    [Test]
    public void Paging_walks_the_same_ranking()
    {
        var all = _index.Engine.Search(new SearchQuery { Text = "prison", Limit = 30 }).Hits.Select(h => h.Id).ToList();
        var pages = Enumerable.Range(0, 3)
            .SelectMany(p => _index.Engine.Search(new SearchQuery { Text = "prison", Offset = p * 10, Limit = 10 }).Hits.Select(h => h.Id))
            .ToList();
        Assert.That(pages, Is.EqualTo(all));
    }
}
