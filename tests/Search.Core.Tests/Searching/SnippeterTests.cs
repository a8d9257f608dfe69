using Search.Core.Analysis;
using Search.Core.Searching;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A snippet is cut from a text analyzed a chunk at a time, stopping early once a window holds every term and prefix
/// asked for: it must be the snippet of the whole text analyzed at once (the earliest window with the most of them,
/// and every match in it marked), on real Persian and English documents.
/// </summary>
public class SnippeterTests
{
    private static readonly IAnalyzer Body = Analyzers.Settings.Analyzers.ForField("body");

    // The reference: the whole text as one chunk, read to its end.
    private static readonly Snippeter WholeText = new(Body, chunk: 1_000_000, region: 1_000_000, stopEarly: false);

    [TestCase("fa")]
    [TestCase("en")]
    public void A_snippet_cut_chunk_by_chunk_is_the_snippet_of_the_whole_text(string language)
    {
        var snippeter = new Snippeter(Body);
        var compared = 0;
        var stoppedEarlyWouldMatter = 0;
        foreach (var text in RealCorpusAnalysisTests.Documents(language, 80))
        {
            var tokens = Body.Analyze(text);
            if (tokens.Count < 20)
            {
                continue;
            }

            // One word from the middle, one near the start, two words side by side near the start, and an absent word.
            var near = Math.Min(tokens.Count - 2, 40);
            var asked = new List<HashSet<string>>
            {
                new([tokens[tokens.Count / 2].Term]),
                new([tokens[3].Term]),
                new([tokens[near].Term, tokens[near + 1].Term]),
                new(["\u0632\u0632\u0632\u0632\u0632", "qqqqqq"]),
            };
            // And prefixes: of the middle word alone, and of the word after the one near the start beside it.
            List<string> PrefixOf(string term) => term.Length >= 4 ? [term[..3]] : [];
            var cases = asked.Select(t => (Terms: t, Prefixes: new List<string>()))
                .Append((new HashSet<string>(), PrefixOf(tokens[tokens.Count / 2].Term)))
                .Append((new HashSet<string>([tokens[3].Term]), PrefixOf(tokens[4].Term)));
            foreach (var (terms, prefixes) in cases)
            {
                var expected = WholeText.Cut(text, terms, prefixes);
                var actual = snippeter.Cut(text, terms, prefixes);
                var what = $"{string.Join(", ", terms)} {string.Join(", ", prefixes.Select(p => p + "*"))} in a text of {text.Length} characters";
                Assert.That(actual.Text, Is.EqualTo(expected.Text), what);
                Assert.That(actual.Marks, Is.EqualTo(expected.Marks), what);
                Assert.That((actual.StartsInside, actual.EndsInside), Is.EqualTo((expected.StartsInside, expected.EndsInside)), what);
                compared++;
                stoppedEarlyWouldMatter += text.Length > 2_500 && expected.Marks.Count > 0 ? 1 : 0;
            }
        }

        Assert.That(compared, Is.GreaterThan(300));
        Assert.That(stoppedEarlyWouldMatter, Is.GreaterThan(20), "long texts with matches, where the chunks stop early, were compared");
    }

    [Test]
    public void The_window_with_every_word_asked_for_is_found_past_an_earlier_one_with_a_single_word()
    {
        var filler = string.Concat(Enumerable.Repeat("The committee met again on Monday. ", 40));
        var text = "Several prisoners were moved. " + filler + "Two prisoners were executed at dawn. " + filler;
        var terms = new HashSet<string>(Body.Analyze("prisoners executed").Select(t => t.Term));

        var snippet = new Snippeter(Body).Cut(text, terms, []);

        Assert.That(snippet.Text, Does.Contain("prisoners were executed"));
        Assert.That(snippet.Marks, Has.Count.EqualTo(2));
        Assert.That(snippet, Is.EqualTo(WholeText.Cut(text, terms, [])).Using<Snippet>((a, b) => a.Text == b.Text && a.Marks.SequenceEqual(b.Marks)));
    }

    [Test]
    public void Words_of_one_prefix_count_once_in_a_window()
    {
        // Three words of "pri*" early, then one beside the other word asked for: the later window holds both things
        // asked for, the earlier only one, however many different words of it match there.
        var filler = string.Concat(Enumerable.Repeat("The committee met again on Monday. ", 40));
        var text = "The prime minister printed the prison report. " + filler + "Two prisoners were executed at dawn. " + filler;
        var terms = new HashSet<string>(Body.Analyze("executed").Select(t => t.Term));
        List<string> prefixes = ["pri"];
        Assert.That(Body.Analyze("prime printed prison").Select(t => t.Term).Distinct().Count(), Is.EqualTo(3), "the early words are three different terms");

        var snippet = new Snippeter(Body).Cut(text, terms, prefixes);

        Assert.That(snippet.Text, Does.Contain("prisoners were executed"));
        Assert.That(snippet.Marks, Has.Count.EqualTo(2));
        Assert.That(snippet, Is.EqualTo(WholeText.Cut(text, terms, prefixes)).Using<Snippet>((a, b) => a.Text == b.Text && a.Marks.SequenceEqual(b.Marks)));
    }

    [Test]
    public void A_persian_verb_written_as_two_words_at_a_chunk_end_is_still_one_marked_word()
    {
        // "می خواهم" (a detached prefix, which analysis joins) just before the 500th character, where a chunk would
        // end at the space between its two parts; a comma a little earlier is a boundary the joiner cannot cross.
        var filler = string.Concat(Enumerable.Repeat("\u06A9\u062A\u0627\u0628 ", 93)); // کتاب
        var text = filler + "\u0632\u0646\u062F\u0627\u0646\u060C " + string.Concat(Enumerable.Repeat("\u06A9\u062A\u0627\u0628 ", 4)) + "\u062F\u0641\u062A\u0631 \u0645\u06CC \u062E\u0648\u0627\u0647\u0645 \u062F\u0641\u062A\u0631 " + filler;
        var verb = text.IndexOf("\u0645\u06CC \u062E\u0648\u0627\u0647\u0645", StringComparison.Ordinal);
        Assert.That(verb, Is.EqualTo(497), "the last space before the first chunk's end is the one between the verb's two parts");
        var term = Body.Analyze("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645").Single().Term;

        var snippet = new Snippeter(Body).Cut(text, new HashSet<string> { term }, []);

        Assert.That(snippet.Marks, Has.Count.EqualTo(1));
        var (start, end) = snippet.Marks[0];
        Assert.That(snippet.Text[start..end], Is.EqualTo("\u0645\u06CC \u062E\u0648\u0627\u0647\u0645"));
        Assert.That(snippet.Marks, Is.EqualTo(WholeText.Cut(text, new HashSet<string> { term }, []).Marks));
    }
}
