using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>
/// A light Persian stemmer. Where a ZWNJ marks the boundary (کتاب‌ها, خانه‌ای, بزرگ‌ترین), a known suffix after it is
/// removed exactly. Without a boundary it removes one plural or comparative suffix (ها های هایی ترین تر ان ات),
/// after an enclitic that follows a plural (کتابهایشان); the plural گان of a word in ه gives back its ه
/// (نمایندگان → نماینده), and the glide of یان after a vowel goes with the plural (دانشجویان → دانشجو). It never leaves
/// fewer than <see cref="MinStem"/> letters (so "دختر" is not read as دخ + تر); words whose ending belongs to the stem
/// (ایران, امکان, بحران…) are protected, and plurals no rule can undo (مسابقات → مسابقه) are mapped, by lists in
/// index-config. Input must be normalized by <see cref="PersianLetters.Normalize"/>.
/// </summary>
public sealed class PersianStemmer
{
    private const int MinStem = 3;

    private static readonly string[] Enclitics = ["\u0634\u0627\u0646", "\u062A\u0627\u0646", "\u0645\u0627\u0646"]; // شان تان مان

    // Ordered longest first: the first suffix that leaves a long enough stem wins.
    private static readonly string[] PluralAndComparative =
    [
        "\u0647\u0627\u06CC\u06CC", // هایی
        "\u0647\u0627\u06CC", // های
        "\u0647\u0627", // ها
        "\u062A\u0631\u06CC\u0646", // ترین
        "\u062A\u0631", // تر
        "\u0627\u0646", // ان
        "\u0627\u062A", // ات
    ];

    // Suffixes written after a ZWNJ: the boundary makes them unambiguous, so they go even from short stems.
    private static readonly HashSet<string> AfterJoiner =
    [
        .. PersianAffixJoiner.Suffixes,
        "\u0627\u0645", // ام
        "\u0627\u06CC\u0645", // ایم
        "\u0627\u06CC\u062F", // اید
        "\u0627\u0646\u062F", // اند
        "\u0627\u0634", // اش
        "\u0627\u062A", // ات
        "\u06CC", // ی
        "\u0647\u0627\u06CC\u0634\u0627\u0646", // هایشان
    ];

    private const string Gan = "\u06AF\u0627\u0646"; // گان
    private const string Heh = "\u0647"; // ه

    private readonly HashSet<string> _protected;
    private readonly Dictionary<string, string> _exceptions;

    public PersianStemmer(IEnumerable<string> protectedWords, IEnumerable<KeyValuePair<string, string>>? exceptions = null)
    {
        _protected = new HashSet<string>(protectedWords.Select(PersianLetters.Fold), StringComparer.Ordinal);
        _exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, stem) in exceptions ?? [])
        {
            _exceptions[PersianLetters.Fold(word)] = PersianLetters.Fold(stem);
        }
    }

    public string Stem(string word)
    {
        var boundary = word.LastIndexOf(CharClass.Zwnj);
        if (boundary > 0)
        {
            var suffix = word[(boundary + 1)..];
            if (AfterJoiner.Contains(suffix))
            {
                return word[..boundary];
            }

            // "می‌خواهم": the part after the boundary is the word itself; stem it on its own.
            return word[..(boundary + 1)] + StemWhole(suffix);
        }

        return StemWhole(word);
    }

    private string StemWhole(string word)
    {
        if (_exceptions.TryGetValue(word, out var mapped))
        {
            return mapped;
        }

        if (_protected.Contains(word))
        {
            return word;
        }

        var w = word;
        foreach (var enclitic in Enclitics)
        {
            // An enclitic only after a plural (کتابهایشان) is unambiguous enough to strip without a boundary.
            if (w.EndsWith(enclitic, StringComparison.Ordinal) && w[..^enclitic.Length] is var rest
                && (rest.EndsWith("\u0647\u0627", StringComparison.Ordinal) || rest.EndsWith("\u0647\u0627\u06CC", StringComparison.Ordinal)))
            {
                w = rest;
                break;
            }
        }

        if (_protected.Contains(w))
        {
            return w;
        }

        if (w.EndsWith(Gan, StringComparison.Ordinal) && w.Length - Gan.Length + Heh.Length >= MinStem)
        {
            return w[..^Gan.Length] + Heh;
        }

        // دانشجویان, نابینایان: after a vowel the plural is یان, and its ی is a glide, not part of the word.
        if (w.Length >= MinStem + 3 && w.EndsWith("\u06CC\u0627\u0646", StringComparison.Ordinal) && w[^4] is '\u0627' or '\u0648')
        {
            return w[..^3];
        }

        foreach (var suffix in PluralAndComparative)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= MinStem)
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }
}
