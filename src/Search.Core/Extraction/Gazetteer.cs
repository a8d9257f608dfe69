using Search.Core.Configuration;

namespace Search.Core.Extraction;

/// <summary>
/// The gazetteer of index-config/gazetteer: persons.tsv, places.tsv and organizations.tsv, one entity a line as
/// "id TAB type TAB English label TAB Persian label TAB aliases separated by |". Validated when loaded: a
/// malformed line or a duplicate id is an error that names the file and the line.
/// </summary>
public sealed class Gazetteer
{
    private static readonly (string File, string Kind)[] Files =
    [
        ("persons.tsv", EntityKinds.Person),
        ("places.tsv", EntityKinds.Place),
        ("organizations.tsv", EntityKinds.Organization),
    ];

    private Gazetteer(IReadOnlyList<GazetteerEntry> entries, IReadOnlyList<string> paths)
    {
        Entries = entries;
        Paths = paths;
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>The files it was read from: they count in the analyzer fingerprint.</summary>
    public IReadOnlyList<string> Paths { get; }

    public static Gazetteer Empty { get; } = new([], []);

    public static Gazetteer Load(string configDirectory)
    {
        var directory = Path.Combine(configDirectory, "gazetteer");
        var entries = new List<GazetteerEntry>();
        var paths = new List<string>();
        var ids = new HashSet<(string, string)>();
        foreach (var (file, kind) in Files)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            paths.Add(path);
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var columns = line.Split('\t');
                if (columns.Length != 5 || columns[0].Length == 0 || columns[2].Length == 0)
                {
                    throw new ConfigurationException($"{path}:{number}: expected 5 TAB-separated columns (id, type, English label, Persian label, aliases); found {columns.Length}.");
                }

                if (!ids.Add((kind, columns[0])))
                {
                    throw new ConfigurationException($"{path}:{number}: the id '{columns[0]}' is used twice.");
                }

                var aliases = columns[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Concat([columns[2], columns[3]])
                    .Where(a => a.Length > 0)
                    .Distinct()
                    .ToList();
                entries.Add(new GazetteerEntry(kind, columns[0], columns[1], columns[2], columns[3], aliases));
            }
        }

        return new Gazetteer(entries, paths);
    }
}
