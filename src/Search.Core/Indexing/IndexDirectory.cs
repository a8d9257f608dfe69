using System.Globalization;

namespace Search.Core.Indexing;

/// <summary>
/// The folder that holds an index as generations: each full build writes a new file (index-000042.db) and then
/// replaces the small CURRENT pointer file (write to a temp file, then rename, which is atomic). A database file is
/// never moved over a live one: SQLite connections to a replaced WAL database fail or keep reading the old file.
/// </summary>
public sealed class IndexDirectory
{
    private const string PointerName = "CURRENT";
    private const string Prefix = "index-";
    private const string Extension = ".db";

    public IndexDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The full path of the generation CURRENT names, or null when no generation was ever published.</summary>
    public string? CurrentGeneration()
    {
        var pointer = System.IO.Path.Combine(Path, PointerName);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        var full = System.IO.Path.Combine(Path, name);
        return IsGenerationName(name) && File.Exists(full) ? full : null;
    }

    /// <summary>A path for the next generation, numbered after every generation file present (published or not).</summary>
    public string NextGenerationPath()
    {
        var highest = Generations().Select(NumberOf).DefaultIfEmpty(0).Max();
        return System.IO.Path.Combine(Path, $"{Prefix}{highest + 1:D6}{Extension}");
    }

    /// <summary>Makes <paramref name="generationPath"/> the current generation, atomically.</summary>
    public void Publish(string generationPath)
    {
        var name = System.IO.Path.GetFileName(generationPath);
        if (!IsGenerationName(name) || !File.Exists(generationPath))
        {
            throw new ArgumentException($"'{generationPath}' is not a generation file of this index.", nameof(generationPath));
        }

        var temp = System.IO.Path.Combine(Path, PointerName + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(name);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, System.IO.Path.Combine(Path, PointerName), overwrite: true);
    }

    /// <summary>Every generation file present, oldest first.</summary>
    public IReadOnlyList<string> Generations() =>
        [.. Directory.EnumerateFiles(Path, Prefix + "*" + Extension)
            .Where(p => IsGenerationName(System.IO.Path.GetFileName(p)))
            .OrderBy(NumberOf)];

    /// <summary>
    /// Deletes generation files (with their -wal and -shm) other than the current one and those in
    /// <paramref name="inUse"/>: leftovers of builds that were killed, and old generations nobody reads. Only the
    /// writer calls this, before a run: a build in progress is never stale to itself.
    /// </summary>
    public IReadOnlyList<string> DeleteStale(IReadOnlySet<string> inUse)
    {
        var current = CurrentGeneration();
        var deleted = new List<string>();
        foreach (var generation in Generations())
        {
            if (generation != current && !inUse.Contains(generation) && DeleteGeneration(generation))
            {
                deleted.Add(generation);
            }
        }

        File.Delete(System.IO.Path.Combine(Path, PointerName + ".tmp"));
        return deleted;
    }

    /// <summary>
    /// Deletes one generation's files, unless it is the current one or a reader holds it (<see cref="GenerationHold"/>,
    /// in any process); false when it is or does, or cannot be deleted yet.
    /// </summary>
    public bool DeleteGeneration(string generation)
    {
        if (generation == CurrentGeneration() || GenerationHold.IsHeld(generation))
        {
            return false;
        }

        try
        {
            foreach (var suffix in new[] { "-wal", "-shm", "" })
            {
                File.Delete(generation + suffix);
            }

            return true;
        }
        catch (IOException)
        {
            // Still open somewhere (another process): the next clean-up takes it.
            return false;
        }
    }

    private static bool IsGenerationName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal)
        && name.Length == Prefix.Length + 6 + Extension.Length
        && uint.TryParse(name.AsSpan(Prefix.Length, 6), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static int NumberOf(string path) =>
        int.Parse(System.IO.Path.GetFileName(path).AsSpan(Prefix.Length, 6), CultureInfo.InvariantCulture);
}
