namespace Search.Core.Analysis;

/// <summary>Turns text into terms with positions and offsets. The same instance serves indexing and queries.</summary>
public interface IAnalyzer
{
    string Name { get; }

    IReadOnlyList<Token> Analyze(string text);

    /// <summary>
    /// Analyzes a text already split by <see cref="ScriptTokenizer.Tokenize"/>: the indexer splits a body once for the
    /// analyzer and the entity extractors. <paramref name="words"/> is not changed.
    /// </summary>
    IReadOnlyList<Token> Analyze(string text, IReadOnlyList<WorkToken> words);

    /// <summary>
    /// Analyzes as <see cref="Analyze(string, IReadOnlyList{WorkToken})"/> does, and adds each token's
    /// <paramref name="number"/> to <paramref name="numbers"/>. The analyzer remembers a term's number with what its
    /// stages made of it, so <paramref name="number"/> must be the same function on every call: the indexer's.
    /// </summary>
    IReadOnlyList<Token> Analyze(string text, IReadOnlyList<WorkToken> words, Func<string, int> number, List<int> numbers);
}
