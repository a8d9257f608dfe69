namespace Search.Core.Configuration;

/// <summary>Reads the one-word-a-line lists of index-config/ (stop words, protected words); # starts a comment.</summary>
public static class WordList
{
    public static IEnumerable<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"The word list '{path}' does not exist.");
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
