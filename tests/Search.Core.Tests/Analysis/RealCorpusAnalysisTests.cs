using System.IO.Compression;
using System.Text.Json;
using Search.Core.Languages.Persian;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// Invariants of analysis over real documents from ../shared/corpus (Hamshahri's Arabic yeh and kaf and spaces where
/// ZWNJ belongs; Tehran Times and Reuters English). The corpora may not be redistributed, so they are read in place;
/// where they are absent the tests say so and are skipped.
/// </summary>
public class RealCorpusAnalysisTests
{
    internal static IEnumerable<string> Documents(string language, int count)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", $"corpus-{language}.jsonl.gz");
        if (!File.Exists(path))
        {
            Assert.Ignore($"{path} is not on this machine: the real-corpus analysis checks need ../shared/corpus.");
        }

        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var taken = 0;
        var seen = 0;
        while (taken < count && reader.ReadLine() is { } line)
        {
            // Every 11th document: a spread over the corpus's sources, not only its first newspaper.
            if (seen++ % 11 != 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            taken++;
            yield return json.RootElement.GetProperty("title").GetString() + "\n" + json.RootElement.GetProperty("body").GetString();
        }
    }

    [TestCase("fa")]
    [TestCase("en")]
    public void Offsets_point_at_the_words_in_the_original_text_in_order(string language)
    {
        var analyzer = Analyzers.Registry.Get("auto");
        foreach (var text in Documents(language, 300))
        {
            var previousEnd = 0;
            foreach (var token in analyzer.Analyze(text))
            {
                Assert.That(token.Start, Is.GreaterThanOrEqualTo(previousEnd), "tokens do not overlap and come in text order");
                Assert.That(token.End, Is.GreaterThan(token.Start).And.LessThanOrEqualTo(text.Length));
                Assert.That(char.IsWhiteSpace(text[token.Start]) || char.IsWhiteSpace(text[token.End - 1]), Is.False, "a token starts and ends on a letter or digit");
                previousEnd = token.End;
            }
        }
    }

    [Test]
    public void Unstemmed_persian_terms_are_the_folded_text_they_cover()
    {
        var analyzer = Analyzers.Registry.Get("fa", stem: false);
        var checkedTokens = 0;
        foreach (var text in Documents("fa", 300))
        {
            foreach (var token in analyzer.Analyze(text))
            {
                var covered = text[token.Start..token.End];
                if (!covered.Any(Core.Analysis.CharClass.IsArabicLetter))
                {
                    continue;
                }

                // A joined word covers "می خواهم": its term is the parts without the space between them.
                Assert.That(token.Term, Is.EqualTo(PersianLetters.Fold(string.Concat(covered.Where(c => !char.IsWhiteSpace(c))))), covered);
                Assert.That(token.Term, Does.Not.Contain("\u064A").And.Not.Contain("\u0643").And.Not.Contain("\u200C"));
                checkedTokens++;
            }
        }

        Assert.That(checkedTokens, Is.GreaterThan(10_000));
    }

    [Test]
    public void Analysis_is_stable_under_reanalysis_of_its_own_terms()
    {
        var analyzer = Analyzers.Registry.Get("auto", stem: false);
        foreach (var text in Documents("fa", 50).Concat(Documents("en", 50)))
        {
            var terms = analyzer.Analyze(text).Select(t => t.Term).ToList();
            var again = analyzer.Analyze(string.Join(' ', terms)).Select(t => t.Term).ToList();
            Assert.That(again, Is.EqualTo(terms));
        }
    }

    [TestCase("fa")]
    [TestCase("en")]
    public void A_text_split_once_for_analysis_and_extraction_analyzes_as_the_text_does(string language)
    {
        var analyzer = Analyzers.Registry.Get("auto");
        foreach (var text in Documents(language, 100))
        {
            var split = Core.Analysis.ScriptTokenizer.Tokenize(text);
            var before = split.ToList();
            Assert.That(analyzer.Analyze(text, split), Is.EqualTo(analyzer.Analyze(text)));
            Assert.That(split, Is.EqualTo(before), "the shared split is left as it was for the extractors");
            Assert.That(Analyzers.Settings.Extractor.Extract(text, null, split), Is.EqualTo(Analyzers.Settings.Extractor.Extract(text)));
        }
    }
}
