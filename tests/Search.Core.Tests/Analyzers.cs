using Search.Core.Analysis;

namespace Search.Core.Tests;

/// <summary>The analyzers as index-config declares them, loaded once for all tests.</summary>
internal static class Analyzers
{
    public static AnalyzerRegistry Registry { get; } = AnalyzerRegistry.Load(RepositoryPaths.Config);

    public static string[] Terms(string analyzer, string text, bool stem = true) =>
        [.. Registry.Get(analyzer, stem).Analyze(text).Select(t => t.Term)];
}
