using Search.Core.Indexing;
using Search.Core.Searching;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Searching;

/// <summary>
/// After a live write the served state is the one before, extended with what the write added and deleted, not the
/// file read again: it must answer every search exactly as the file opened afresh does (totals, hits and scores,
/// every facet, browsing, suggestions, fuzzy expansions), after additions, replacements and deletions, of real
/// Persian and English documents; and it reads only the rows the write added.
/// </summary>
public class ExtendedStateTests
{
    private static readonly string[] Queries =
    [
        "the", "tehran", "تهران", "ایران", "government OR دولت", "oil AND price", "\"the government\"", "pres*", "اس*",
        "minister~", "-the", "iran -oil",
    ];

    [Test]
    public void Every_search_after_writes_answers_as_the_file_opened_afresh()
    {
        var english = RealCorpusAnalysisTests.Documents("en", 50).ToList();
        var persian = RealCorpusAnalysisTests.Documents("fa", 50).ToList();
        var files = english.Take(30).Select((t, i) => ($"en-{i}.txt", t)).Concat(persian.Take(30).Select((t, i) => ($"fa-{i}.txt", t))).ToDictionary();
        using var index = new TestIndex(files);
        var live = new LiveIndex(index.Host, Analyzers.Settings, new WriterGate());
        // Searches before the writes load what an extension carries over (the vocabulary) or rebuilds (facet buckets).
        Compare(index, "as built");

        var added = 0;
        // Dated, so that an order by date reads the dates the extension appended.
        SourceDocument Document(string id, string text) => ApiDocuments.FromText(id, text, $"20{10 + (added % 9):D2}-0{1 + (id.Length % 9)}-1{added % 10}");

        void Write(string what, Action write)
        {
            write();
            using var lease = index.Host.Acquire()!;
            Assert.That(lease.Index.RowsRead, Is.LessThanOrEqualTo(1), $"{what}: the state was extended with the row written, not read again");
            Compare(index, what);
        }

        Write("a new English document", () => live.Upsert(Document("new-en", english[40])));
        Write("a new Persian document", () => live.Upsert(Document("new-fa", persian[40])));
        Write("an English document replaced by a Persian one", () => live.Upsert(Document("en-3", persian[41])));
        Write("a Persian document replaced by an English one", () => live.Upsert(Document("fa-7", english[41])));
        Write("the document added last deleted", () => Assert.That(live.Delete("new-fa"), Is.True));
        // Read afresh, the values only the deleted document named have no ordinal: the next write names them again.
        index.Host.Reload();
        Write("a deleted document's text written again under another id", () => live.Upsert(Document("again", persian[40])));
        Write("a document deleted", () => Assert.That(live.Delete("en-10"), Is.True));
        Write("a document written twice", () => live.Upsert(Document("new-en", english[42])));
        for (var i = 0; i < 6; i++, added++)
        {
            Write($"more documents ({i})", () => live.Upsert(Document($"more-{i}", (i % 2 == 0 ? english : persian)[43 + i])));
        }

        Assert.That(index.Search("the", 0).Total, Is.GreaterThan(20), "the English searches compared find documents");
        Assert.That(index.Search("تهران", 0).Total, Is.GreaterThan(5), "the Persian searches compared find documents");
    }

    /// <summary>The served state against the same file opened afresh by a second host.</summary>
    private static void Compare(TestIndex index, string stage)
    {
        using var fresh = new IndexHost(index.Directory);
        var engine = new SqliteSearchEngine(fresh, Analyzers.Settings);
        var sorts = new[] { (Filters: new Dictionary<string, IReadOnlyList<string>>(), Sort: SearchSort.Relevance), (new() { ["lang"] = ["fa"] }, SearchSort.Relevance), (new(), SearchSort.DateDescending) };
        foreach (var text in Queries)
        {
            foreach (var (filters, sort) in sorts)
            {
                var query = new SearchQuery { Text = text, Limit = 50, Facets = true, FacetLimit = 1000, Snippets = false, Filters = filters, Sort = sort };
                var expected = engine.Search(query);
                var found = index.Engine.Search(query);
                var what = $"{stage}: '{text}'{(filters.Count > 0 ? " in Persian" : "")}, {sort}";
                Assert.That(found.Total, Is.EqualTo(expected.Total), what);
                Assert.That(found.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(expected.Hits.Select(h => (h.Id, h.Score))), what);
                Assert.That(found.Facets.Keys.Order(), Is.EqualTo(expected.Facets.Keys.Order()), what);
                foreach (var (dimension, counts) in expected.Facets)
                {
                    Assert.That(found.Facets[dimension], Is.EqualTo(counts), $"{what}, {dimension}");
                }
            }
        }

        foreach (var dimension in new[] { "person", "place", "org", "date", "date.month", "figure", "figure.value", "lang" })
        {
            Assert.That(index.Engine.BrowseFacet(dimension, null, 1000), Is.EqualTo(engine.BrowseFacet(dimension, null, 1000)), $"{stage}: browsing {dimension}");
        }

        foreach (var prefix in new[] { "pr", "the", "ت", "ما" })
        {
            Assert.That(index.Engine.Suggest(prefix, 20), Is.EqualTo(engine.Suggest(prefix, 20)), $"{stage}: suggestions for '{prefix}'");
        }

        using var served = index.Host.Acquire()!;
        using var opened = fresh.Acquire()!;
        Assert.That(served.Index.DocumentCount, Is.EqualTo(opened.Index.DocumentCount), stage);
        Assert.That(served.Index.SimilarTerms("goverment", 2), Is.EqualTo(opened.Index.SimilarTerms("goverment", 2)), stage);
    }
}
