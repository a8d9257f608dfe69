using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>Searches over the two seed documents, through the real index on disk.</summary>
public class SeedSearchTests
{
    private const string First = "000_bf7e46f90931b774";
    private const string Second = "004_8f4efd12ef216f65";
    private TestIndex _index = null!;

    [OneTimeSetUp]
    public void Build() => _index = TestIndex.FromSeeds();

    [OneTimeTearDown]
    public void Dispose() => _index.Dispose();

    [TestCase("Nurizad", First)]
    [TestCase("Oslo", Second)]
    [TestCase("Pour-Mohammadi", Second)]
    [TestCase("\"Death Commissions\"", Second)]
    [TestCase("Kayhan daily", First)]
    public void A_word_of_one_seed_finds_that_seed(string query, string id) =>
        Assert.That(_index.Ids(query), Is.EqualTo(new[] { id }));

    [Test]
    public void A_word_of_both_seeds_finds_both() =>
        Assert.That(_index.Ids("massacre"), Is.EquivalentTo(new[] { First, Second }));

    [TestCase("Khamenei's", First, TestName = "Possessive in the query")]
    [TestCase("boasting", Second, TestName = "Another inflection than the text's boasted")]
    [TestCase("NURIZAD", First, TestName = "Upper case")]
    [TestCase("nuriza*", First, TestName = "Prefix")]
    [TestCase("Nurizadd~1", First, TestName = "Fuzzy")]
    [TestCase("oslo OR nurizad", null, TestName = "OR finds both")]
    public void Query_forms_reach_the_right_documents(string query, string? only)
    {
        var ids = _index.Ids(query);
        if (only is null)
        {
            Assert.That(ids, Is.EquivalentTo(new[] { First, Second }));
        }
        else
        {
            Assert.That(ids, Is.EqualTo(new[] { only }));
        }
    }

    [Test]
    public void Not_removes_documents() => Assert.That(_index.Ids("massacre -oslo"), Is.EqualTo(new[] { First }));

    [Test]
    public void A_pure_negative_query_returns_the_other_documents() => Assert.That(_index.Ids("-oslo"), Is.EqualTo(new[] { First }));

    [Test]
    public void A_query_that_matches_nothing_returns_an_empty_list()
    {
        var results = _index.Search("zzzqqqxxx");
        Assert.That(results.Total, Is.Zero);
        Assert.That(results.Hits, Is.Empty);
    }

    [Test]
    public void A_query_of_stop_words_only_matches_every_document() =>
        Assert.That(_index.Search("the of").Total, Is.EqualTo(2));

    [Test]
    public void The_persian_date_line_gives_the_published_date()
    {
        var hit = _index.Search("Oslo").Hits.Single();
        Assert.That(hit.Published, Is.EqualTo("2016-11-05"), "۱۳۹۵ آبان ۱۵ is 5 November 2016");
    }

    [Test]
    public void Snippet_marks_cover_the_matched_word_as_written()
    {
        var snippet = _index.Search("Khamenei").Hits.Single().Snippet;
        Assert.That(snippet.Marks, Is.Not.Empty);
        foreach (var (start, end) in snippet.Marks)
        {
            Assert.That(snippet.Text[start..end], Does.Contain("Khamenei"), "the word, or the whole mention of the entity it names");
        }
    }

    [Test]
    public void The_lang_facet_counts_the_match_set() =>
        Assert.That(_index.Search("massacre").Facets["lang"].Single(), Is.EqualTo(new Core.Searching.FacetCount("en", "English", 2)));

    [Test]
    public void Stored_documents_keep_their_original_text()
    {
        var document = _index.Engine.GetDocument(First);
        Assert.That(document, Is.Not.Null);
        Assert.That(document!.Body, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, First + ".txt"))));
        Assert.That(document.Byline, Does.StartWith("Sanabargh Zahedi"));
        Assert.That(_index.Engine.GetDocument("missing"), Is.Null);
    }

    [Test]
    public void A_word_that_names_an_entity_is_one_cached_unit_and_answers_alike_every_time()
    {
        var analyzers = Analyzers.Settings.Analyzers;
        using var lease = _index.Host.Acquire()!;
        var compiler = new QueryCompiler(analyzers.ForField, analyzers.NormalizerForField, new IndexQueryExpansion(lease.Index, Analyzers.Settings.Extractor.Gazetteer));
        var compiled = compiler.Compile(QueryParser.Parse("Khamenei"));

        Assert.That(compiled.Match, Is.TypeOf<WordMatch>(), "the word and the entity it names form one unit");
        Assert.That(compiled.Match!.ToFts(), Does.Contain("{tags}"));
        var first = _index.Search("Khamenei", 20).Hits.Select(h => (h.Id, h.Score)).ToList();
        var again = _index.Search("Khamenei", 20).Hits.Select(h => (h.Id, h.Score)).ToList();
        Assert.That(first, Is.Not.Empty);
        Assert.That(again, Is.EqualTo(first));
    }
}
