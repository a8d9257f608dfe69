namespace Search.Core.Indexing;

/// <summary>Every readable document under a folder, recursively, in a stable (ordinal path) order.</summary>
public sealed class FolderSource(string root)
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md" };

    public string Root { get; } = Path.GetFullPath(root);

    public IEnumerable<(SourceDocument? Document, SkippedSource? Skipped)> Read()
    {
        if (!Directory.Exists(Root))
        {
            yield return (null, new SkippedSource(Root, "source folder does not exist"));
            yield break;
        }

        var files = Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Root, file);
            var (document, problem) = TextFileReader.Read(file, relative);
            yield return document is null ? (null, new SkippedSource(relative, problem!)) : (document, null);
        }
    }
}
