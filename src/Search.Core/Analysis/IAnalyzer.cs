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
}
