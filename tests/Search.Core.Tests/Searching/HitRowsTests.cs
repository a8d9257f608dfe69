using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A page of hits is read in one statement, kept prepared, from the narrow docs rows (the title among them) when it
/// needs no snippets, and joined with the texts when it does: either way each hit shows its own document.
/// </summary>
public class HitRowsTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["records.jsonl"] = """
            {"id": "en-1", "lang": "en", "title": "Evin prison: a witness statement", "published": "2019-03-04", "body": "A witness describes Evin prison in Tehran."}
            {"id": "fa-1", "lang": "fa", "title": "گزارش زندان\u200Cهای اوین", "published": "2020-11-02", "body": "گزارش درباره زندان اوین در تهران است. prison"}
            {"id": "en-2", "lang": "en", "title": "Letters from Evin", "body": "Letters written in Evin prison, undated."}
            """,
    };

    [Test]
    public void Each_hit_has_its_own_title_language_and_date_with_and_without_snippets_page_after_page()
    {
        using var index = new TestIndex(Files);
        var expected = new Dictionary<string, (string Title, string Language, string? Published)>
        {
            ["en-1"] = ("Evin prison: a witness statement", "en", "2019-03-04"),
            ["fa-1"] = ("گزارش زندان\u200Cهای اوین", "fa", "2020-11-02"),
            ["en-2"] = ("Letters from Evin", "en", null),
        };

        foreach (var snippets in new[] { false, true })
        {
            // Pages of every size: each size is a statement of its own, and asking again reuses it.
            for (var repeat = 0; repeat < 2; repeat++)
            {
                foreach (var limit in new[] { 1, 2, 3 })
                {
                    var seen = new List<string>();
                    for (var offset = 0; offset < 3; offset += limit)
                    {
                        var results = index.Engine.Search(new SearchQuery { Text = "prison", Offset = offset, Limit = limit, Snippets = snippets });
                        Assert.That(results.Total, Is.EqualTo(3));
                        foreach (var hit in results.Hits)
                        {
                            Assert.That((hit.Title, hit.Language, hit.Published), Is.EqualTo(expected[hit.Id]), $"{hit.Id}, snippets: {snippets}, limit {limit}");
                            Assert.That(hit.Snippet.Text, snippets ? Is.Not.Empty : Is.Empty, hit.Id);
                            seen.Add(hit.Id);
                        }
                    }

                    Assert.That(seen, Is.EquivalentTo(expected.Keys), $"snippets: {snippets}, limit {limit}");
                }
            }
        }

        Assert.That(index.Engine.GetDocument("fa-1")!.Title, Is.EqualTo("گزارش زندان\u200Cهای اوین"));
    }

    [Test]
    public void Pages_of_every_size_with_snippets_and_entities_named_show_their_own_hits()
    {
        // Every page size up to the API's largest, with and without the text: the statements kept for them must not
        // get in each other's way, not even while a page's rows are being read and each hit's entities asked.
        using var index = new TestIndex(FacetedReports.Files(240, seed: 5));
        string[] queries = ["witness", "tehran"]; // a plain word, and a place: its hits' entities are read too
        var all = queries.ToDictionary(q => q, q => index.Engine.Search(new SearchQuery { Text = q, Limit = 240, Snippets = false }).Hits.Select(h => h.Id).ToList());
        Assert.That(all.Values.Select(a => a.Count), Is.All.GreaterThan(100), "enough hits for pages of a hundred");
        foreach (var snippets in new[] { true, false })
        {
            foreach (var query in queries)
            {
                for (var limit = 1; limit <= 100; limit++)
                {
                    var results = index.Engine.Search(new SearchQuery { Text = query, Limit = limit, Snippets = snippets });
                    Assert.That(results.Hits.Select(h => h.Id), Is.EqualTo(all[query].Take(limit)), $"'{query}', limit {limit}, snippets: {snippets}");
                    if (snippets && query == "tehran")
                    {
                        Assert.That(results.Hits.All(h => h.Snippet.Marks.Count > 0), Is.True, $"limit {limit}: every snippet marks the place");
                    }
                }
            }
        }
    }
}
