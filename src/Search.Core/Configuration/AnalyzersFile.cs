using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Configuration;

/// <summary>The contents of index-config/analyzers.json.</summary>
public sealed record AnalyzersFile
{
    public int Version { get; init; } = 1;

    public Dictionary<string, List<string>> Analyzers { get; init; } = [];

    public string DocumentAnalyzer { get; init; } = "auto";

    public string QueryAnalyzer { get; init; } = "auto";

    public Dictionary<string, string> Stopwords { get; init; } = [];

    public string? PersianStemProtected { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static AnalyzersFile Load(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<AnalyzersFile>(File.ReadAllText(path), Options)
                ?? throw new ConfigurationException($"{path} is empty.");
            if (file.Analyzers.Count == 0)
            {
                throw new ConfigurationException($"{path} declares no analyzers.");
            }

            foreach (var name in new[] { file.DocumentAnalyzer, file.QueryAnalyzer })
            {
                if (!file.Analyzers.ContainsKey(name))
                {
                    throw new ConfigurationException($"{path} names analyzer '{name}', which it does not declare.");
                }
            }

            return file;
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path} is not valid JSON: {e.Message}", e);
        }
    }
}
