using System.Collections.Concurrent;

namespace Search.Core.Analysis;

/// <summary>
/// Remembers the stems of words already stemmed: text repeats its words, so most stems are looked up, not computed.
/// Bounded: past <see cref="Capacity"/> words it is cleared and fills again with the words now in use. The size is
/// counted here, not asked of the dictionary: ConcurrentDictionary.Count takes every one of its locks, and analysis
/// threads asking it at every new word waited on each other for a third of the stemmer's time.
/// </summary>
public sealed class StemCache(Func<string, string> stem)
{
    public const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private int _count;

    public string Stem(string word)
    {
        if (_stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var result = stem(word);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            // Two threads may both clear: the cache is emptier for a moment, and still right.
            _stems.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _stems[word] = result;
        return result;
    }
}
