using System.Security.Cryptography;
using System.Text;
using Search.Core.Configuration;
using Search.Core.Languages.English;
using Search.Core.Languages.Persian;

namespace Search.Core.Analysis;

/// <summary>
/// Resolves the analyzers that index-config/analyzers.json declares by name. Stages are built once and shared:
/// they hold no per-call state. <see cref="Fingerprint"/> changes whenever any file that shapes analysis changes,
/// so an index can tell that it was built with other analyzers.
/// </summary>
public sealed class AnalyzerRegistry
{
    private readonly Dictionary<string, ITokenFilter> _stages;
    private readonly AnalyzersFile _file;
    private readonly Dictionary<(string, bool, bool), IAnalyzer> _built = [];
    private readonly Lock _gate = new();

    private AnalyzerRegistry(AnalyzersFile file, Dictionary<string, ITokenFilter> stages, PersianStemmer persianStemmer, string fingerprint)
    {
        PersianStemmer = persianStemmer;
        _file = file;
        _stages = stages;
        Fingerprint = fingerprint;
        foreach (var (name, list) in file.Analyzers)
        {
            foreach (var stage in list)
            {
                if (!stages.ContainsKey(stage))
                {
                    throw new ConfigurationException(
                        $"Analyzer '{name}' names the stage '{stage}', which does not exist. Known stages: {string.Join(", ", stages.Keys.Order())}.");
                }
            }
        }
    }

    public string Fingerprint { get; }

    /// <summary>The Persian stemmer with the protected words of index-config, for the stem command.</summary>
    public PersianStemmer PersianStemmer { get; }

    public IEnumerable<string> Names => _file.Analyzers.Keys;

    /// <summary>The analyzer of a text field (title, body), as index-config's "fields" sets it; documents and queries share it.</summary>
    public IAnalyzer ForField(string field)
    {
        var settings = _file.Fields.TryGetValue(field, out var s)
            ? s
            : throw new ConfigurationException($"No analyzer is configured for the field '{field}'.");
        return Get(settings.Analyzer, settings.Stem);
    }

    /// <summary>A field's analyzer without stop words and stemming: for prefixes, which must not be cut short.</summary>
    public IAnalyzer NormalizerForField(string field) => Get(_file.Fields[field].Analyzer, stem: false, stop: false);

    /// <summary>The named analyzer; with <paramref name="stem"/> or <paramref name="stop"/> false, without those stages.</summary>
    public IAnalyzer Get(string name, bool stem = true, bool stop = true)
    {
        lock (_gate)
        {
            if (_built.TryGetValue((name, stem, stop), out var analyzer))
            {
                return analyzer;
            }

            if (!_file.Analyzers.TryGetValue(name, out var stageNames))
            {
                throw new ConfigurationException(
                    $"Unknown analyzer '{name}'. Declared analyzers: {string.Join(", ", _file.Analyzers.Keys)}.");
            }

            var stages = stageNames
                .Where(s => stem || !s.EndsWith("-stem", StringComparison.Ordinal))
                .Where(s => stop || !s.EndsWith("-stop", StringComparison.Ordinal))
                .Select(s => _stages[s])
                .ToList();
            analyzer = new Analyzer(name, stages);
            _built[(name, stem, stop)] = analyzer;
            return analyzer;
        }
    }

    public static AnalyzerRegistry Load(string configDirectory)
    {
        var analyzersPath = Path.Combine(configDirectory, "analyzers.json");
        var file = AnalyzersFile.Load(analyzersPath);
        var inputs = new List<string> { analyzersPath };

        HashSet<string> StopList(string language, Func<string, string> normalize)
        {
            if (!file.Stopwords.TryGetValue(language, out var name))
            {
                return [];
            }

            var path = Path.Combine(configDirectory, name);
            inputs.Add(path);
            return WordList.Read(path).Select(normalize).ToHashSet(StringComparer.Ordinal);
        }

        var protectedWords = new List<string>();
        if (file.PersianStemProtected is { } protectedName)
        {
            var path = Path.Combine(configDirectory, protectedName);
            inputs.Add(path);
            protectedWords.AddRange(WordList.Read(path));
        }

        var exceptions = new List<KeyValuePair<string, string>>();
        if (file.PersianStemExceptions is { } exceptionsName)
        {
            var path = Path.Combine(configDirectory, exceptionsName);
            inputs.Add(path);
            foreach (var line in WordList.Read(path))
            {
                var parts = line.Split('\t');
                if (parts.Length != 2)
                {
                    throw new ConfigurationException($"{path}: '{line}' is not 'word<TAB>stem'.");
                }

                exceptions.Add(new(parts[0], parts[1]));
            }
        }

        var persianStemmer = new PersianStemmer(protectedWords, exceptions);
        var stages = new ITokenFilter[]
        {
            new PersianNormalizationFilter(),
            new PersianAffixJoiner(),
            new StopFilter("persian-stop", TokenScript.Arabic, StopList("fa", PersianLetters.Fold), PersianLetters.RemoveJoiners),
            new PersianStemFilter(persianStemmer),
            new PersianJoinerRemovalFilter(),
            new EnglishPossessiveFilter(),
            new LatinFoldingFilter(),
            new StopFilter("english-stop", TokenScript.Latin, StopList("en", LatinFolding.Fold)),
            new EnglishStemFilter(),
        }.ToDictionary(s => s.Name, StringComparer.Ordinal);

        return new AnalyzerRegistry(file, stages, persianStemmer, FingerprintOf(inputs));
    }

    private static string FingerprintOf(IEnumerable<string> paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The code's own version counts too: a changed stemmer must re-analyze as surely as a changed stop list.
        sha.AppendData(Encoding.UTF8.GetBytes(typeof(AnalyzerRegistry).Assembly.GetName().Version?.ToString() ?? "0"));
        foreach (var path in paths)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
