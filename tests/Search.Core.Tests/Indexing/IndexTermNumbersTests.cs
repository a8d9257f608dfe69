using Search.Core.Analysis;
using Search.Core.Indexing;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// The analysis hands the writer each field as the numbers of its index terms (TermNumbers): they must stand for
/// exactly the terms the index had before numbers, the analyzed terms joined by spaces and split and folded as
/// FtsTokens splits them, on every thread, the first time a term is met and every time after.
/// </summary>
public class IndexTermNumbersTests
{
    private static SourceDocument Document(string id, string title, string body) => new()
    {
        Id = id, Title = title, Body = body, Language = "fa", Source = id, ContentHash = id,
    };

    private static List<string> Expected(string field, string text) =>
        FtsTokens.Split(string.Join(' ', Analyzers.Registry.ForField(field).Analyze(text).Select(t => t.Term)));

    private static void AssertTermsOf(IEnumerable<(string Title, string Body)> texts)
    {
        var documents = texts.Select((t, i) => Document($"d{i}", t.Title, t.Body)).ToList();
        Assert.That(documents, Has.Count.GreaterThan(10));
        var analysis = new DocumentAnalysis(Analyzers.Settings);

        // Twice, on several threads at once: numbers given while others are being given, then remembered ones.
        for (var pass = 0; pass < 2; pass++)
        {
            var analyzed = new IndexedDocument[documents.Count];
            Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => analyzed[i] = analysis.Analyze(documents[i]));
            for (var i = 0; i < documents.Count; i++)
            {
                Assert.That(analyzed[i].TitleTerms.Select(TermNumbers.Term), Is.EqualTo(Expected("title", documents[i].Title)), $"title of {i}, pass {pass}");
                Assert.That(analyzed[i].BodyTerms.Select(TermNumbers.Term), Is.EqualTo(Expected("body", documents[i].Body)), $"body of {i}, pass {pass}");
            }
        }
    }

    [Test]
    public void Numbers_stand_for_the_split_and_folded_terms_of_mixed_and_seed_texts()
    {
        var texts = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Select(f => File.ReadAllText(f)).ToList();
        Assert.That(texts, Is.Not.Empty);
        var odd = "Khamenei's U.S.A. café résumé DON'T al-Qaeda e-mail 20th covid19 the_prisoners' 33,000 2.5 می‌خواهم می خواهم كتاب‌ها زندانیان ۱۳۶۷ ١٣٦٧";
        var all = texts.Concat(Enumerable.Repeat(odd, 12)).Select((t, i) => (Title: i % 2 == 0 ? odd : "Report", Body: t));
        AssertTermsOf(all);
    }

    [TestCase("fa")]
    [TestCase("en")]
    public void Numbers_stand_for_the_split_and_folded_terms_of_real_documents(string language)
    {
        AssertTermsOf(RealCorpusAnalysisTests.Documents(language, 120).Select(t => (Title: t[..t.IndexOf('\n')], Body: t[(t.IndexOf('\n') + 1)..])));
    }

    [Test]
    public void A_term_keeps_its_number_and_every_number_names_its_term()
    {
        var first = TermNumbers.Of("زندان-test-term");
        Assert.That(TermNumbers.Of("زندان-test-term"), Is.EqualTo(first));
        Assert.That(TermNumbers.Term(first), Is.EqualTo("زندان-test-term"));

        var numbers = new int[5000];
        Parallel.For(0, numbers.Length, i => numbers[i] = TermNumbers.Of($"term-{i % 2500}-numbered"));
        for (var i = 0; i < numbers.Length; i++)
        {
            Assert.That(TermNumbers.Term(numbers[i]), Is.EqualTo($"term-{i % 2500}-numbered"));
            Assert.That(numbers[i], Is.EqualTo(numbers[i % 2500]), "the same term, the same number, whichever thread asked first");
        }
    }

    [Test]
    public void Only_terms_the_index_keeps_whole_are_numbered_as_they_are()
    {
        Assert.That(FtsTokens.WholeNumber("prison"), Is.EqualTo(TermNumbers.Of("prison")));
        Assert.That(FtsTokens.WholeNumber("u.s.a"), Is.EqualTo(TermNumbers.Of("u.s.a")));
        Assert.That(FtsTokens.WholeNumber("Prison"), Is.EqualTo(-1), "capitals are folded");
        Assert.That(FtsTokens.WholeNumber("al-qaeda"), Is.EqualTo(-1), "a hyphen splits");
        Assert.That(FtsTokens.WholeNumber(""), Is.EqualTo(-1));
    }
}
