using Search.Core.Indexing;
using Search.Core.Searching;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Searching;

/// <summary>
/// The facet counts kept for frequent words outlive a live write: the state after it takes them over and uses each
/// only while it is exact (the word matches none of the documents written and as many as before), so that every
/// search answers as counting does; a search that finds a word's counts no longer hold counts and keeps its counts for
/// the next, and the state's own count of frequent words counts none that have counts.
/// </summary>
public class KeptCountsAfterWritesTests
{
    [Test]
    public async Task Kept_counts_are_used_after_writes_only_where_exact_and_a_search_that_counts_keeps_them_again()
    {
        var files = FacetedReports.Files(300, seed: 5);
        var english = RealCorpusAnalysisTests.Documents("en", 45).ToList();
        var persian = RealCorpusAnalysisTests.Documents("fa", 40).ToList();
        for (var i = 0; i < 40; i++)
        {
            files[$"en{i:D2}.txt"] = english[i];
            files[$"fa{i:D2}.txt"] = persian[i];
        }

        using var index = new TestIndex(files);
        index.Engine.FrequentWordDocuments = 20;
        // No count but those the test starts: a write's state would otherwise start its own after a while.
        index.Engine.FrequentWordSettle = TimeSpan.FromHours(1);
        await index.Engine.CountFrequentWordsAsync();
        var live = new LiveIndex(index.Host, Analyzers.Settings, new WriterGate());
        string[] words;
        int keptAtFirst;
        using (var lease = index.Host.Acquire()!)
        {
            words = [.. lease.Index.FrequentTerms(20).Take(80)];
            keptAtFirst = lease.Index.FrequentWordFacets.Words;
        }

        Assert.That(keptAtFirst, Is.GreaterThan(80));
        // A term typed as text may analyze to another term (a stem of a stem), which has no kept counts of its own.
        var initial = Compare(index, words, "as counted");
        Assert.That(initial, Is.GreaterThan(words.Length * 3 / 4), "the words take their kept counts");

        SourceDocument Document(string id, string text) =>
            new() { Id = id, Title = text.Split('\n')[0], Body = text, Language = LanguageGuess.Of(text), Source = "api", ContentHash = id };

        // Each write's first pass finds some counts holding and some not (the commonest words are in every document
        // written or deleted); its searches count those and keep them, so a second pass finds every one holding.
        var writes = new (string What, Action Write)[]
        {
            ("an added document", () => live.Upsert(Document("written", english[40]))),
            ("a Persian document replaced by an English one", () => live.Upsert(Document("fa03", english[41]))),
            ("a deletion", () => Assert.That(live.Delete("en07"), Is.True)),
            ("a document written again", () => live.Upsert(Document("written", english[42]))),
        };
        foreach (var (what, write) in writes)
        {
            write();
            Assert.That(Compare(index, words, $"after {what}"), Is.InRange(1, initial - 1), $"after {what}: some kept counts hold, some not");
            Assert.That(Compare(index, words, $"after {what}, again"), Is.EqualTo(initial), $"after {what}: the searches kept their counts again");
        }

        using var served = index.Host.Acquire()!;
        Assert.That(served.Index.RowsRead, Is.LessThanOrEqualTo(1), "the states were extended, not read again");
        var compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(served.Index, Analyzers.Settings.Extractor.Gazetteer));
        var counted = served.Index.CountFrequentWords(served.Index.FrequentTerms(20).Select(compiler.CompileIndexedTerm).OfType<MatchExpression>(), CancellationToken.None);
        // Only the words that the writes made frequent (in 20 documents now) had none.
        Assert.That(counted, Is.LessThan(keptAtFirst / 10), "every other frequent word has counts, carried over or kept again");
        Assert.That(served.Index.FrequentWordFacets.Words, Is.EqualTo(keptAtFirst + counted), "each word counted had no counts");
    }

    /// <summary>Each word's faceted search against the same search counting its own; returns how many took kept counts.</summary>
    private static int Compare(TestIndex index, string[] words, string stage)
    {
        using var lease = index.Host.Acquire()!;
        var compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(lease.Index, Analyzers.Settings.Extractor.Gazetteer));
        var kept = 0;
        foreach (var word in words)
        {
            var request = new SearchRequest { Query = compiler.Compile(QueryParser.Parse(word)), Limit = 7, ReuseFacetCounts = false };
            var counted = lease.Index.Search(request with { UseFrequentWordCounts = false }, null);
            kept += lease.Index.KeepsCountsFor(request) ? 1 : 0;
            var answered = lease.Index.Search(request, null);
            var what = $"{stage}: '{word}'";
            Assert.That(answered.Total, Is.EqualTo(counted.Total), what);
            Assert.That(answered.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(counted.Hits.Select(h => (h.Id, h.Score))), what);
            Assert.That(answered.Facets.Keys, Is.EquivalentTo(counted.Facets.Keys), what);
            foreach (var (dimension, counts) in counted.Facets)
            {
                Assert.That(answered.Facets[dimension], Is.EqualTo(counts), $"{what}: {dimension}");
            }
        }

        return kept;
    }
}
