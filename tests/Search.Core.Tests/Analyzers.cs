using Search.Core.Analysis;
using Search.Core.Configuration;

namespace Search.Core.Tests;

/// <summary>The analyzers as index-config declares them, loaded once for all tests.</summary>
internal static class Analyzers
{
    public static IndexSettings Settings { get; } = IndexSettings.Load(RepositoryPaths.Config);

    public static AnalyzerRegistry Registry => Settings.Analyzers;

    public static string[] Terms(string analyzer, string text, bool stem = true) =>
        [.. Registry.Get(analyzer, stem).Analyze(text).Select(t => t.Term)];
}
