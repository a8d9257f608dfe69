using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A query with nothing to count or filter takes its hits from the ranking of its match set instead of a pass over
/// every match; both ways must give the same page and the same total, also once documents have been deleted.
/// </summary>
public class RankedShortcutTests
{
    [Test]
    public void Every_page_and_total_is_the_same_with_and_without_facet_counting_before_and_after_deletions()
    {
        var random = new Random(5);
        string[] words = ["prison", "report", "witness", "court", "letter", "tehran", "evin"];
        var files = new Dictionary<string, string>();
        for (var i = 0; i < 300; i++)
        {
            // Few words, often repeated: many equal scores, so the order of ties is checked too. Every third document
            // starts with a Persian sentence, which makes it Persian: the language filter then splits the matches.
            var persian = i % 3 == 0 ? "گزارش زندان اوین و دادگاه. " : "";
            files[$"d{i:D3}.txt"] = persian + string.Join(' ', Enumerable.Range(0, 1 + random.Next(6)).Select(_ => words[random.Next(words.Length)])) + ".";
        }

        using var index = new TestIndex(files);
        string[] queries = ["prison", "court", "prison OR letter", "witness AND court", "evin -prison", "\"prison report\"", "pri*"];

        void Compare(string stage)
        {
            foreach (var query in queries)
            {
                foreach (var language in (string?[])[null, "en", "fa"])
                {
                    var filters = language is null ? new Dictionary<string, IReadOnlyList<string>>() : new Dictionary<string, IReadOnlyList<string>> { ["lang"] = [language] };
                    for (var page = 0; page < 3; page++)
                    {
                        var plain = index.Engine.Search(new SearchQuery { Text = query, Offset = page * 7, Limit = 7, Facets = false, Filters = filters });
                        var counted = index.Engine.Search(new SearchQuery { Text = query, Offset = page * 7, Limit = 7, Facets = true, Filters = filters });

                        Assert.That(plain.Total, Is.EqualTo(counted.Total), $"{stage}: total of '{query}' in {language ?? "any language"}");
                        Assert.That(plain.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(counted.Hits.Select(h => (h.Id, h.Score))), $"{stage}: page {page} of '{query}' in {language ?? "any language"}");
                    }
                }
            }
        }

        Compare("as built");
        Assert.That(index.Search("prison", 0).Total, Is.GreaterThan(21), "the pages compared are full");
        Assert.That(index.Engine.Search(new SearchQuery { Text = "prison", Limit = 0, Filters = new Dictionary<string, IReadOnlyList<string>> { ["lang"] = ["fa"] } }).Total, Is.InRange(1, 99), "the filter splits the matches");

        var path = index.Directory.CurrentGeneration()!;
        using (var writer = IndexWriter.Open(path))
        {
            for (var i = 0; i < 300; i += 4)
            {
                writer.Delete($"d{i:D3}");
            }

            writer.Commit();
        }

        index.Host.Reload();
        Compare("after deletions");
        Assert.That(index.Search("prison", 0).Total, Is.EqualTo(files.Count(f => f.Value.Contains("prison") && int.Parse(f.Key[1..4]) % 4 != 0)));
    }
}
