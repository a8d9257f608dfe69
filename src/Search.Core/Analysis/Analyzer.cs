namespace Search.Core.Analysis;

/// <summary>
/// A named, ordered list of stages after the script tokenizer. The order matters: normalization before affix joining
/// (so every spelling joins), joining before stop words (so "می" in "می خواهم" is not dropped), stop words before
/// stemming (stop lists hold surface forms).
/// </summary>
public sealed class Analyzer(string name, IReadOnlyList<ITokenFilter> stages, bool sharedAcrossThreads = false) : IAnalyzer
{
    // The stages as they run: two or more term stages in a row become one (TermStages), which remembers its results;
    // it is the one cache of analysis (the stemmers keep none of their own, and every configured analyzer has its
    // stemmer in such a run). A term stage alone runs as it is: a lookup would cost more than normalizing a word.
    private readonly ITokenFilter[] _pipeline = Fuse(stages, sharedAcrossThreads);

    public string Name => name;

    public IReadOnlyList<ITokenFilter> Stages => stages;

    public IReadOnlyList<Token> Analyze(string text) => Run(ScriptTokenizer.Tokenize(text));

    /// <summary>
    /// The same analyzer with one memory of its term stages for every thread (see <see cref="TermStages"/>): for
    /// analysis in a service's requests, which run on many threads. Analysis that numbers terms (the indexer's) still
    /// uses each thread's own memory, where a term's number is kept beside it.
    /// </summary>
    public Analyzer SharedAcrossThreads() => new(name, stages, sharedAcrossThreads: true);

    public IReadOnlyList<Token> Analyze(string text, IReadOnlyList<WorkToken> words) => Run([.. words]);

    public IReadOnlyList<Token> Analyze(string text, IReadOnlyList<WorkToken> words, Func<string, int> number, List<int> numbers)
    {
        // The term stages, when they run last (as in every configured analyzer), remember each term's number; after
        // another stage the number of a term is asked for every time.
        var numbering = _pipeline is [.., TermStages last] ? last : null;
        List<WorkToken> work = [.. words];
        foreach (var stage in _pipeline)
        {
            if (stage == numbering)
            {
                numbering.Apply(work, number);
            }
            else
            {
                stage.Apply(work);
            }
        }

        foreach (var t in work)
        {
            numbers.Add(numbering is null ? number(t.Term) : t.Number);
        }

        return Tokens(work);
    }

    private static ITokenFilter[] Fuse(IReadOnlyList<ITokenFilter> stages, bool sharedAcrossThreads)
    {
        var pipeline = new List<ITokenFilter>();
        var run = new List<ITermFilter>();

        void EndRun()
        {
            if (run.Count == 1)
            {
                pipeline.Add(run[0]);
            }
            else if (run.Count > 1)
            {
                pipeline.Add(new TermStages([.. run], sharedAcrossThreads));
            }

            run.Clear();
        }

        foreach (var stage in stages)
        {
            if (stage is ITermFilter term)
            {
                run.Add(term);
            }
            else
            {
                EndRun();
                pipeline.Add(stage);
            }
        }

        EndRun();
        return [.. pipeline];
    }

    private Token[] Run(List<WorkToken> work)
    {
        foreach (var stage in _pipeline)
        {
            stage.Apply(work);
        }

        return Tokens(work);
    }

    private static Token[] Tokens(List<WorkToken> work)
    {
        var result = new Token[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            var t = work[i];
            result[i] = new Token(t.Term, t.Start, t.End, t.Position);
        }

        return result;
    }
}
