namespace Search.Core.Analysis;

/// <summary>
/// Remembers the stems of words already stemmed: text repeats its words, so most stems are looked up, not computed.
/// Each thread has its own: indexing analyzes on every core, and a shared concurrent dictionary made the threads wait
/// on its locks at every new word (a third of the stemmer's time). Bounded: past <see cref="Capacity"/> words a
/// thread's cache is cleared and fills again with the words now in use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its analyzer; ThreadLocal frees its slots in its finalizer.")]
public sealed class StemCache(Func<string, string> stem)
{
    public const int Capacity = 200_000;
    private readonly ThreadLocal<Dictionary<string, string>> _stems = new(() => new Dictionary<string, string>(StringComparer.Ordinal));

    public string Stem(string word)
    {
        var stems = _stems.Value!;
        if (stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var result = stem(word);
        if (stems.Count >= Capacity)
        {
            stems.Clear();
        }

        stems[word] = result;
        return result;
    }
}
