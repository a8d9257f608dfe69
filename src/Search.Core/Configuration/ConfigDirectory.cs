namespace Search.Core.Configuration;

/// <summary>Finds the index-config folder: an explicit path, or the nearest index-config above a start folder.</summary>
public static class ConfigDirectory
{
    public const string FolderName = "index-config";

    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            return Directory.Exists(full)
                ? full
                : throw new ConfigurationException($"The index configuration folder '{full}' does not exist.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (File.Exists(Path.Combine(candidate, "analyzers.json")))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigurationException(
            $"No '{FolderName}' folder with analyzers.json was found above '{Directory.GetCurrentDirectory()}'; pass its path explicitly.");
    }
}
