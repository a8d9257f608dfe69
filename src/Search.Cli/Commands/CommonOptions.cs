using System.CommandLine;
using Search.Core.Analysis;
using Search.Core.Configuration;

namespace Search.Cli.Commands;

/// <summary>Options several commands share, and the one way they turn into library objects.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "The index-config folder (default: the nearest index-config above the current folder).",
    };

    public static Option<string> Index() => new("--index")
    {
        Description = "The index folder (it holds the generations and the CURRENT pointer).",
        Required = true,
    };

    public static AnalyzerRegistry Analyzers(string? configPath) => AnalyzerRegistry.Load(ConfigDirectory.Resolve(configPath));

    public static IndexSettings Settings(string? configPath) => IndexSettings.Load(ConfigDirectory.Resolve(configPath));

    /// <summary>Standard output through one buffer: line-at-a-time writes would dominate a 30,000-word stem run.</summary>
    public static StreamWriter Out() => new(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };

    /// <summary>Standard input as UTF-8 lines.</summary>
    public static IEnumerable<string> InputLines()
    {
        using var reader = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Runs a command body and turns the library's expected failures into a message and exit code 2.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException or Search.Core.Searching.QueryParseException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
