using System.Security.Cryptography;
using System.Text;
using Search.Core.Analysis;
using Search.Core.Extraction;

namespace Search.Core.Configuration;

/// <summary>
/// Everything index-config/ says, loaded and validated once: the analyzers, the gazetteer and the given names, and
/// the entity extractor built from them. <see cref="Fingerprint"/> changes when any of those files changes, so an index
/// records what it was built with and a reindex knows when every document must be analyzed again.
/// </summary>
public sealed class IndexSettings
{
    private IndexSettings(string directory, AnalyzerRegistry analyzers, Gazetteer gazetteer, EntityExtractor extractor, string fingerprint)
    {
        Directory = directory;
        Analyzers = analyzers;
        Gazetteer = gazetteer;
        Extractor = extractor;
        Fingerprint = fingerprint;
    }

    public string Directory { get; }

    public AnalyzerRegistry Analyzers { get; }

    public Gazetteer Gazetteer { get; }

    public EntityExtractor Extractor { get; }

    public string Fingerprint { get; }

    public static IndexSettings Load(string configDirectory)
    {
        var analyzers = AnalyzerRegistry.Load(configDirectory);
        var gazetteer = Gazetteer.Load(configDirectory);
        var names = GivenNames.Load(configDirectory);
        var matcher = new GazetteerMatcher(gazetteer, analyzers.ForField("body"));
        var extractor = new EntityExtractor(matcher, new PersonDiscovery(names));

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(analyzers.Fingerprint));
        foreach (var path in gazetteer.Paths.Append(GivenNames.PathIn(configDirectory)).Where(File.Exists))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            sha.AppendData(File.ReadAllBytes(path));
        }

        return new IndexSettings(configDirectory, analyzers, gazetteer, extractor, Convert.ToHexStringLower(sha.GetHashAndReset())[..16]);
    }
}
