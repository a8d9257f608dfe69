using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// An analyzer runs its consecutive term stages as one and remembers what they made of each term: the tokens must be
/// exactly those of the stages applied one after another.
/// </summary>
public class TermStagesTests
{
    private static IEnumerable<string> Texts()
    {
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt"))
        {
            yield return File.ReadAllText(seed);
        }

        yield return "Khamenei's U.S.A. café résumé DON'T 20th covid19 the prisoners' executions, می‌خواهم می خواهم كتاب‌ها زندانیان ۱۳۶۷ ١٣٦٧ 33,000";
    }

    private static List<WorkToken> OneByOne(Analyzer analyzer, string text)
    {
        var tokens = ScriptTokenizer.Tokenize(text);
        foreach (var stage in analyzer.Stages)
        {
            stage.Apply(tokens);
        }

        return tokens;
    }

    [Test]
    public void Stages_run_together_give_the_tokens_of_the_stages_run_one_by_one()
    {
        var checkedAnalyzers = 0;
        foreach (var name in Analyzers.Registry.Names)
        {
            foreach (var (stem, stop) in new[] { (true, true), (false, true), (false, false) })
            {
                var analyzer = (Analyzer)Analyzers.Registry.Get(name, stem, stop);
                Assert.That(analyzer.Stages.Count(s => s is ITermFilter), Is.GreaterThan(0), name);
                foreach (var text in Texts())
                {
                    var expected = OneByOne(analyzer, text).Select(t => new Token(t.Term, t.Start, t.End, t.Position)).ToList();

                    // Twice: the first time computes every term, the second reads them from memory.
                    Assert.That(analyzer.Analyze(text), Is.EqualTo(expected), $"{name}, first pass");
                    Assert.That(analyzer.Analyze(text), Is.EqualTo(expected), $"{name}, remembered");
                }

                checkedAnalyzers++;
            }
        }

        Assert.That(checkedAnalyzers, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Every_configured_stemmer_runs_among_other_term_stages_and_so_is_remembered()
    {
        // The stemmers keep no cache of their own: a stem stage alone between two stages that see neighbours would be
        // computed afresh for every token.
        foreach (var name in Analyzers.Registry.Names)
        {
            foreach (var stop in new[] { true, false })
            {
                var stages = ((Analyzer)Analyzers.Registry.Get(name, stem: true, stop)).Stages;
                for (var i = 0; i < stages.Count; i++)
                {
                    if (stages[i].Name.EndsWith("-stem", StringComparison.Ordinal))
                    {
                        var neighbour = (i > 0 && stages[i - 1] is ITermFilter) || (i + 1 < stages.Count && stages[i + 1] is ITermFilter);
                        Assert.That(neighbour, Is.True, $"{name}: {stages[i].Name}");
                    }
                }
            }
        }
    }

    [Test]
    public void Terms_stay_right_after_the_memory_of_a_thread_is_cleared()
    {
        var analyzer = (Analyzer)Analyzers.Registry.Get("auto");

        // More distinct words than a thread remembers, then words it saw before the clearing.
        var many = string.Join(' ', Enumerable.Range(0, TermStages.Capacity + 10).Select(i => $"prisonersx{i}"));
        analyzer.Analyze(many);
        const string text = "The prisoners were executed; زندانیان اعدام شدند";
        Assert.That(analyzer.Analyze(text), Is.EqualTo(OneByOne(analyzer, text).Select(t => new Token(t.Term, t.Start, t.End, t.Position))));
    }

    [Test]
    public void Short_and_long_terms_keep_their_numbers_after_the_memory_of_a_thread_is_cleared()
    {
        var analyzer = (Analyzer)Analyzers.Registry.Get("auto");
        const string text = "The prisoners were executed in Evin; counterrevolutionary charges; زندانیان اعدام شدند در بازداشتگاه‌های غیرقانونی";
        List<int> Numbers(string t)
        {
            var numbers = new List<int>();
            analyzer.Analyze(t, ScriptTokenizer.Tokenize(t), TermNumbers.Of, numbers);
            return numbers;
        }

        var expected = OneByOne(analyzer, text).Select(t => TermNumbers.Of(t.Term)).ToList();
        Assert.That(OneByOne(analyzer, text).Select(t => t.Term.Length), Has.Some.GreaterThan(ShortTerms.MaxLength).And.Some.LessThanOrEqualTo(ShortTerms.MaxLength));
        Assert.That(Numbers(text), Is.EqualTo(expected), "first sight");
        Assert.That(Numbers(text), Is.EqualTo(expected), "remembered");

        // More distinct short words and more long ones than a thread remembers: both memories are cleared.
        var many = string.Join(' ', Enumerable.Range(0, Math.Max(ShortTerms.Capacity, TermStages.Capacity) + 10).Select(i => $"w{i}x prisonersxlong{i}"));
        Numbers(many);
        Assert.That(Numbers(text), Is.EqualTo(expected), "after the clearing");
    }

    [Test]
    public void An_analyzer_shared_across_threads_gives_the_tokens_of_the_stages_run_one_by_one()
    {
        foreach (var name in Analyzers.Registry.Names)
        {
            var analyzer = ((Analyzer)Analyzers.Registry.Get(name)).SharedAcrossThreads();
            foreach (var text in Texts())
            {
                var expected = OneByOne(analyzer, text).Select(t => new Token(t.Term, t.Start, t.End, t.Position)).ToList();
                Assert.That(analyzer.Analyze(text), Is.EqualTo(expected), $"{name}, first pass");
                Assert.That(analyzer.Analyze(text), Is.EqualTo(expected), $"{name}, remembered");
            }
        }
    }

    [Test]
    public void Many_threads_at_once_on_a_shared_analyzer_get_what_a_thread_of_its_own_gets()
    {
        var own = (Analyzer)Analyzers.Registry.Get("auto");
        var shared = own.SharedAcrossThreads();
        var texts = RealCorpusAnalysisTests.Documents("fa", 60).Concat(RealCorpusAnalysisTests.Documents("en", 60)).ToList();
        var expected = texts.Select(t => own.Analyze(t)).ToList();

        // Eight threads, each through every text in its own order, all filling and reading the one memory at once.
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            foreach (var i in Enumerable.Range(0, texts.Count).OrderBy(i => (i * 7919 + thread * 104729) % texts.Count))
            {
                if (!shared.Analyze(texts[i]).SequenceEqual(expected[i]))
                {
                    mismatches.Add($"thread {thread}, text {i}");
                }
            }
        });

        Assert.That(mismatches, Is.Empty);
        Assert.That(expected.Sum(e => e.Count), Is.GreaterThan(10_000), "there were tokens to compare");
    }

    [Test]
    public void Terms_stay_right_after_the_shared_memory_is_cleared()
    {
        var analyzer = ((Analyzer)Analyzers.Registry.Get("auto")).SharedAcrossThreads();
        const string text = "The prisoners were executed; زندانیان اعدام شدند";
        analyzer.Analyze(text);
        var many = string.Join(' ', Enumerable.Range(0, TermStages.Capacity + 10).Select(i => $"prisonersx{i}"));
        analyzer.Analyze(many);
        Assert.That(analyzer.Analyze(text), Is.EqualTo(OneByOne(analyzer, text).Select(t => new Token(t.Term, t.Start, t.End, t.Position))));
        Assert.That(analyzer.Analyze(many), Is.EqualTo(OneByOne(analyzer, many).Select(t => new Token(t.Term, t.Start, t.End, t.Position))));
    }
}
