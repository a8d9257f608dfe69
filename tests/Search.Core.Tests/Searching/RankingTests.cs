namespace Search.Core.Tests.Searching;

/// <summary>How hits are ordered: BM25 over title and body, computed from our postings.</summary>
public class RankingTests
{
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("The committee met and issued a statement about the session.", 3));

    [Test]
    public void A_title_match_outranks_the_same_match_in_the_body()
    {
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["body.txt"] = $"Annual statement\n\n{Filler} Executions were reported. {Filler}",
            ["title.txt"] = $"Executions reported\n\n{Filler} {Filler}",
            ["none.txt"] = $"Other news\n\n{Filler}",
        });

        Assert.That(index.Ids("executions"), Is.EqualTo(new[] { "title", "body" }));
    }

    [Test]
    public void More_mentions_rank_higher_and_the_same_mentions_in_a_longer_text_rank_lower()
    {
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["once.txt"] = $"Report\n\nKhavaran is named once. {Filler}",
            ["thrice.txt"] = $"Report\n\nKhavaran, Khavaran and Khavaran again. {Filler}",
            ["once-long.txt"] = $"Report\n\nKhavaran is named once. {Filler} {Filler} {Filler} {Filler}",
        });

        Assert.That(index.Ids("khavaran"), Is.EqualTo(new[] { "thrice", "once", "once-long" }));
    }

    [Test]
    public void In_an_or_query_the_rarer_term_weighs_more()
    {
        var files = new Dictionary<string, string>
        {
            ["rare.txt"] = $"Report\n\nA witness spoke of the tribunal. {Filler}",
            ["common.txt"] = $"Report\n\nA witness spoke of the letter. {Filler}",
        };
        for (var i = 0; i < 20; i++)
        {
            files[$"other{i}.txt"] = $"Note {i}\n\nAnother letter arrived. {Filler}";
        }

        using var index = new TestIndex(files);
        var ids = index.Ids("tribunal OR letter");

        Assert.That(ids, Has.Length.EqualTo(22));
        Assert.That(ids[0], Is.EqualTo("rare"));
    }

    [Test]
    public void Scores_are_positive_and_descending_even_in_a_tiny_collection()
    {
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["a.txt"] = "Evin prison report.",
            ["b.txt"] = "Evin prison and Evin court.",
        });

        var scores = index.Search("evin").Hits.Select(h => h.Score).ToList();

        Assert.That(scores, Has.Count.EqualTo(2));
        Assert.That(scores, Is.All.GreaterThan(0));
        Assert.That(scores, Is.Ordered.Descending);
    }

    [Test]
    public void Deleted_documents_weigh_nothing_in_the_scores_of_the_documents_left()
    {
        // Their postings stay in the file until a full build; the scores must be those of an index built without them.
        var random = new Random(11);
        string[] words = ["prison", "report", "witness", "court", "letter", "tehran", "evin", "زندان", "گزارش"];
        var files = new Dictionary<string, string>();
        for (var i = 0; i < 120; i++)
        {
            files[$"d{i:D3}.txt"] = string.Join(' ', Enumerable.Range(0, 2 + random.Next(12)).Select(_ => words[random.Next(words.Length)])) + ".";
        }

        var deleted = files.Keys.Where((_, i) => i % 3 == 1).ToHashSet();
        using var index = new TestIndex(files);
        using var rebuilt = new TestIndex(files.Where(f => !deleted.Contains(f.Key)).ToDictionary());
        using (var writer = Search.Core.Indexing.IndexWriter.Open(index.Directory.CurrentGeneration()!))
        {
            foreach (var name in deleted)
            {
                Assert.That(writer.Delete(Path.GetFileNameWithoutExtension(name)), Is.True);
            }

            writer.Commit();
        }

        index.Host.Reload();
        foreach (var query in new[] { "prison", "court OR زندان", "witness AND letter", "\"prison report\"", "pri*", "evin -tehran", "-court" })
        {
            var expected = rebuilt.Search(query, 200);
            var found = index.Search(query, 200);
            Assert.That(expected.Total, Is.GreaterThan(0), query);
            Assert.That(found.Total, Is.EqualTo(expected.Total), query);
            Assert.That(found.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(expected.Hits.Select(h => (h.Id, h.Score))), query);
        }
    }
}
