namespace Search.Core.Analysis;

/// <summary>Turns text into terms with positions and offsets. The same instance serves indexing and queries.</summary>
public interface IAnalyzer
{
    string Name { get; }

    IReadOnlyList<Token> Analyze(string text);
}
