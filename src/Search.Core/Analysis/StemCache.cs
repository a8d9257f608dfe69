using System.Collections.Concurrent;

namespace Search.Core.Analysis;

/// <summary>
/// Remembers the stems of words already stemmed: text repeats its words, so most stems are looked up, not computed.
/// Bounded: past <see cref="Capacity"/> words it is cleared and fills again with the words now in use.
/// </summary>
public sealed class StemCache(Func<string, string> stem)
{
    public const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    public string Stem(string word)
    {
        if (_stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var result = stem(word);
        if (_stems.Count >= Capacity)
        {
            _stems.Clear();
        }

        _stems[word] = result;
        return result;
    }
}
