using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A generation keeps the facet counts of recent searches by what decides them (the query, the filters, the ranges
/// and the values per dimension): a search asked again must get exactly the counts it would count, and searches
/// that differ in any of those must never get each other's.
/// </summary>
public class FacetCountCacheTests
{
    private TestIndex _index = null!;
    private SearchIndex _reusing = null!;
    private SearchIndex _counting = null!;
    private QueryCompiler _compiler = null!;

    [OneTimeSetUp]
    public void Build()
    {
        var files = FacetedReports.Files(300, seed: 5);
        _index = new TestIndex(files);
        var path = _index.Directory.CurrentGeneration()!;
        _reusing = SearchIndex.Open(path);
        _counting = SearchIndex.Open(path);
        _compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(_reusing, Analyzers.Settings.Extractor.Gazetteer));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _reusing.Dispose();
        _counting.Dispose();
        _index.Dispose();
    }

    [Test]
    public void A_search_asked_again_gets_the_counts_it_would_count_on_every_page_and_order()
    {
        foreach (var text in (string[])["prison", "report OR letter", "court -witness", "pri*", ""])
        {
            foreach (var sort in (SearchSort[])[SearchSort.Relevance, SearchSort.DateAscending])
            {
                for (var page = 0; page < 3; page++)
                {
                    var request = new SearchRequest { Query = _compiler.Compile(QueryParser.Parse(text)), Sort = sort, Offset = page * 7, Limit = 7, Filters = Filter("lang", "en") };
                    var fresh = _counting.Search(request with { ReuseFacetCounts = false }, null);
                    var reused = _reusing.Search(request, null);
                    var what = $"'{text}', {sort}, page {page}";
                    Assert.That(reused.Total, Is.EqualTo(fresh.Total), what);
                    Assert.That(reused.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(fresh.Hits.Select(h => (h.Id, h.Score))), what);
                    AssertSameCounts(reused, fresh, what);
                }
            }
        }
    }

    [Test]
    public void The_second_asking_reuses_the_counts_of_the_first()
    {
        var request = new SearchRequest { Query = _compiler.Compile(QueryParser.Parse("witness")), Limit = 5 };
        var first = _reusing.Search(request, null);
        var second = _reusing.Search(request with { Offset = 5, Sort = SearchSort.DateDescending }, null);
        var uncached = _reusing.Search(request with { ReuseFacetCounts = false }, null);

        Assert.That(second.Facets, Is.SameAs(first.Facets), "the next page in another order has the same counts");
        Assert.That(uncached.Facets, Is.Not.SameAs(first.Facets), "asked not to reuse, the search counts");
        AssertSameCounts(uncached, first, "witness");
    }

    [Test]
    public void Searches_that_differ_in_query_filters_ranges_or_values_per_dimension_do_not_share_counts()
    {
        var prison = _compiler.Compile(QueryParser.Parse("prison"));
        var variants = new (string What, SearchRequest Request)[]
        {
            ("prison", new SearchRequest { Query = prison }),
            ("report", new SearchRequest { Query = _compiler.Compile(QueryParser.Parse("report")) }),
            ("prison -court", new SearchRequest { Query = _compiler.Compile(QueryParser.Parse("prison -court")) }),
            ("prison in Tehran", new SearchRequest { Query = prison, Filters = Filter("place", "tehran") }),
            ("prison in Mashhad", new SearchRequest { Query = prison, Filters = Filter("place", "mashhad") }),
            ("prison in Tehran or Mashhad", new SearchRequest { Query = prison, Filters = Filter("place", "tehran", "mashhad") }),
            ("prison from 2000", new SearchRequest { Query = prison, Ranges = [new RangeFilter("date", 20000101, null)] }),
            ("prison before 2000", new SearchRequest { Query = prison, Ranges = [new RangeFilter("date", null, 19991231)] }),
            ("prison from 2000 in the query", new SearchRequest { Query = _compiler.Compile(QueryParser.Parse("prison date:[2000 TO *]")) }),
            ("prison, 3 values", new SearchRequest { Query = prison, FacetLimit = 3 }),
        };

        foreach (var (what, request) in variants)
        {
            _reusing.Search(request, null);
        }

        foreach (var (what, request) in variants)
        {
            AssertSameCounts(_reusing.Search(request, null), _counting.Search(request with { ReuseFacetCounts = false }, null), what);
        }

        Assert.That(variants.Select(v => FacetCountCache.KeyOf(v.Request)).Distinct().Count(), Is.EqualTo(variants.Length));
        Assert.That(
            FacetCountCache.KeyOf(new SearchRequest { Query = prison, Filters = Filter("place", "mashhad", "tehran") }),
            Is.EqualTo(FacetCountCache.KeyOf(new SearchRequest { Query = prison, Filters = Filter("place", "tehran", "mashhad") })),
            "a dimension's values OR together: their order does not change the counts");
    }

    [Test]
    public void The_cache_stays_within_its_budget_and_lets_the_oldest_go_first()
    {
        var cache = new FacetCountCache(budgetBytes: 50_000);
        for (var i = 0; i < 1000; i++)
        {
            IReadOnlyList<FacetCount> counts = [.. Enumerable.Range(0, 20).Select(v => new FacetCount($"p{v}", $"P{v}", i + v))];
            cache.Add($"q{i}", new Dictionary<string, IReadOnlyList<FacetCount>> { ["person"] = counts, ["place"] = counts });

            Assert.That(cache.TryGet($"q{i}", out var kept), Is.True);
            Assert.That(kept["person"][0].Count, Is.EqualTo(i));
            Assert.That(cache.Bytes, Is.LessThanOrEqualTo(50_000));
        }

        Assert.That(cache.TryGet("q999", out _), Is.True, "the newest entry is still there");
        Assert.That(cache.TryGet("q0", out _), Is.False, "the oldest was let go");
    }

    private static Dictionary<string, IReadOnlyList<string>> Filter(string dimension, params string[] values) => new() { [dimension] = values };

    private static void AssertSameCounts(SearchResults actual, SearchResults expected, string what)
    {
        Assert.That(actual.Facets.Keys, Is.EquivalentTo(expected.Facets.Keys), what);
        Assert.That(expected.Facets.Values.Sum(v => v.Count), Is.GreaterThan(0), $"{what}: there are counts to compare");
        foreach (var (dimension, counts) in expected.Facets)
        {
            Assert.That(actual.Facets[dimension].Select(c => (c.Value, c.Count)), Is.EqualTo(counts.Select(c => (c.Value, c.Count))), $"{what}: {dimension}");
        }
    }
}
