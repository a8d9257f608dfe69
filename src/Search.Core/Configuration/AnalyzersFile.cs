using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Configuration;

/// <summary>The contents of index-config/analyzers.json.</summary>
public sealed record AnalyzersFile
{
    public int Version { get; init; } = 1;

    public Dictionary<string, List<string>> Analyzers { get; init; } = [];

    /// <summary>The analyzer of each indexed text field (title, body), and whether it stems: queries on a field use the same.</summary>
    public Dictionary<string, FieldSettings> Fields { get; init; } = [];

    public Dictionary<string, string> Stopwords { get; init; } = [];

    public string? PersianStemProtected { get; init; }

    public string? PersianStemExceptions { get; init; }

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

            foreach (var field in new[] { "title", "body" })
            {
                if (!file.Fields.TryGetValue(field, out var settings))
                {
                    throw new ConfigurationException($"{path} has no settings for the field '{field}' under \"fields\".");
                }

                if (!file.Analyzers.ContainsKey(settings.Analyzer))
                {
                    throw new ConfigurationException($"{path}: field '{field}' names analyzer '{settings.Analyzer}', which it does not declare.");
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

/// <summary>How one text field is analyzed: a declared analyzer, with or without its stemming stages.</summary>
public sealed record FieldSettings(string Analyzer, bool Stem = true);
