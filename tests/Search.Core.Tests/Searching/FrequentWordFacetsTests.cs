using Search.Core.Searching;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A generation counts the facets of its frequent words ahead of time, in the background: a search for such a word
/// without filters must then get exactly the counts, total and hits that counting gives, in either language and for
/// words that name gazetteer entities; anything that changes the counts (a filter, a range, an exclusion, more
/// values than were kept) must count instead.
/// </summary>
public class FrequentWordFacetsTests
{
    // Words a user types: English and Persian, places of the gazetteer among them ("Tehran" is also the place tehran).
    private static readonly string[] TypedWords = ["prison", "report", "witness", "Tehran", "تهران", "زندان", "گزارش"];

    private TestIndex _index = null!;
    private IndexHost.Lease _lease = null!;
    private QueryCompiler _compiler = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        var files = FacetedReports.Files(300, seed: 11);
        var real = RealCorpusAnalysisTests.Documents("fa", 60).Concat(RealCorpusAnalysisTests.Documents("en", 60)).ToList();
        for (var i = 0; i < real.Count; i++)
        {
            files[$"real{i:D3}.txt"] = real[i];
        }

        _index = new TestIndex(files);
        _index.Engine.FrequentWordDocuments = 20;
        await _index.Engine.CountFrequentWordsAsync();
        _lease = _index.Host.Acquire()!;
        _compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(_lease.Index, Analyzers.Settings.Extractor.Gazetteer));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _lease.Dispose();
        _index.Dispose();
    }

    [Test]
    public void Words_a_user_types_find_the_counts_kept_for_them()
    {
        Assert.That(_lease.Index.FrequentWordFacets.Words, Is.GreaterThan(TypedWords.Length));
        Assert.That(_lease.Index.FrequentWordFacets.Bytes, Is.GreaterThan(0));
        foreach (var word in TypedWords)
        {
            Assert.That(_lease.Index.KeepsCountsFor(Request(word)), Is.True, word);
        }
    }

    [Test]
    public void Kept_counts_are_the_counts_that_counting_gives_with_the_same_total_and_hits()
    {
        // The typed words, and the commonest terms of the index typed as they are (real Persian and English text; a
        // stem typed may analyze to another term, which matches nothing here and is passed over).
        var words = TypedWords.Concat(_lease.Index.FrequentTerms(20).Take(40)).ToList();
        var (kept, compared) = (0, 0);
        foreach (var word in words)
        {
            foreach (var limit in (int[])[20, 5, 1])
            {
                var request = Request(word) with { FacetLimit = limit };
                var counted = _lease.Index.Search(request with { UseFrequentWordCounts = false }, null);
                if (counted.Total == 0)
                {
                    continue;
                }

                compared++;
                kept += _lease.Index.KeepsCountsFor(request) ? 1 : 0;
                var answered = _lease.Index.Search(request, null);
                var what = $"'{word}', {limit} values";
                Assert.That(answered.Total, Is.EqualTo(counted.Total), what);
                Assert.That(answered.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(counted.Hits.Select(h => (h.Id, h.Score))), what);
                AssertSameCounts(answered, counted, what);
            }
        }

        Assert.That(compared, Is.GreaterThan(words.Count * 3 / 2), "most of the words match");
        Assert.That(kept, Is.GreaterThan(compared * 3 / 4), "most of these searches were answered from kept counts");
    }

    [Test]
    public void Filters_ranges_exclusions_and_more_values_count_instead()
    {
        var prison = Request("prison");
        var variants = new (string What, SearchRequest Request)[]
        {
            ("in Tehran", prison with { Filters = new Dictionary<string, IReadOnlyList<string>> { ["place"] = ["tehran"] } }),
            ("from 2000", prison with { Ranges = [new RangeFilter("date", 20000101, null)] }),
            ("from 2000 in the query", Request("prison date:[2000 TO *]")),
            ("but not court", Request("prison -court")),
            ("50 values", prison with { FacetLimit = 50 }),
        };

        var unnarrowed = _lease.Index.Search(prison, null);
        foreach (var (what, request) in variants)
        {
            Assert.That(_lease.Index.KeepsCountsFor(request), Is.False, what);
            var answered = _lease.Index.Search(request, null);
            AssertSameCounts(answered, _lease.Index.Search(request with { UseFrequentWordCounts = false }, null), what);
            if (request.FacetLimit == prison.FacetLimit)
            {
                Assert.That(answered.Facets.SelectMany(f => f.Value.Select(c => (f.Key, c.Value, c.Count))), Is.Not.EqualTo(unnarrowed.Facets.SelectMany(f => f.Value.Select(c => (f.Key, c.Value, c.Count)))), $"{what} changes the counts");
            }
        }
    }

    [Test]
    public void Words_in_fewer_documents_than_the_threshold_are_not_counted_ahead()
    {
        using var index = new TestIndex(FacetedReports.Files(40, seed: 3));
        index.Engine.FrequentWordDocuments = 1_000;
        index.Engine.Search(new SearchQuery { Text = "prison" });
        index.Engine.CountFrequentWordsAsync().Wait();
        using var lease = index.Host.Acquire()!;

        Assert.That(lease.Index.FrequentWordFacets.Words, Is.Zero);
        Assert.That(index.Engine.Search(new SearchQuery { Text = "prison" }).Facets["place"], Is.Not.Empty, "the search counts for itself");
    }

    [Test]
    public void A_generation_replaced_before_it_settles_never_counts()
    {
        using var index = new TestIndex(FacetedReports.Files(60, seed: 6));
        index.Engine.FrequentWordDocuments = 2;
        index.Engine.FrequentWordSettle = TimeSpan.FromSeconds(30);
        var first = index.Host.Acquire()!;
        index.Engine.Search(new SearchQuery { Text = "prison" });
        Assert.That(first.Index.CountingFrequentWords, Is.True, "the first faceted search starts the count, which waits");

        index.Host.Reload(); // as an API write does
        var waited = System.Diagnostics.Stopwatch.StartNew();
        first.Index.CountFrequentWordsOnce(() => Task.CompletedTask).Wait();

        Assert.That(first.Index.FrequentWordFacets.Words, Is.Zero);
        Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "it stops when the generation is retired, not when the wait is over");
        first.Dispose();
        index.Engine.FrequentWordSettle = TimeSpan.Zero;
        index.Engine.Search(new SearchQuery { Text = "prison" });
        index.Engine.CountFrequentWordsAsync().Wait();
        using var served = index.Host.Acquire()!;
        Assert.That(served.Index.FrequentWordFacets.Words, Is.GreaterThan(0), "the generation that stays counts");
    }

    [Test]
    public void A_retired_generation_stops_counting()
    {
        using var index = new TestIndex(FacetedReports.Files(40, seed: 4));
        using var lease = index.Host.Acquire()!;
        var compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(lease.Index, Analyzers.Settings.Extractor.Gazetteer));
        var words = lease.Index.FrequentTerms(2).Select(compiler.CompileIndexedTerm).OfType<MatchExpression>().ToList();
        Assert.That(words, Is.Not.Empty);

        lease.Index.Retire();

        Assert.That(lease.Index.CountFrequentWords(words, lease.Index.Retired), Is.Zero);
        Assert.That(lease.Index.FrequentWordFacets.Words, Is.Zero);
    }

    private SearchRequest Request(string text) => new() { Query = _compiler.Compile(QueryParser.Parse(text)), Limit = 7, ReuseFacetCounts = false };

    private static void AssertSameCounts(SearchResults actual, SearchResults expected, string what)
    {
        Assert.That(actual.Facets.Keys, Is.EquivalentTo(expected.Facets.Keys), what);
        Assert.That(expected.Facets.Values.Sum(v => v.Count), Is.GreaterThan(0), $"{what}: there are counts to compare");
        foreach (var (dimension, counts) in expected.Facets)
        {
            Assert.That(actual.Facets[dimension].Select(c => (c.Value, c.Label, c.LabelFa, c.Count)), Is.EqualTo(counts.Select(c => (c.Value, c.Label, c.LabelFa, c.Count))), $"{what}: {dimension}");
        }
    }
}
