using System.Globalization;

namespace Search.Core.Searching;

/// <summary>
/// How one dimension's values are counted and shown: terms one for one (person, place, lang), dates by year and by
/// month, figures by order of magnitude. Each value ordinal maps to one bucket.
/// </summary>
internal sealed class FacetView
{
    private FacetView(string name, FacetDimension dimension, int[] bucketOf, string[] keys, string[] labels, string?[]? labelsFa = null, bool identity = false)
    {
        IsIdentity = identity;
        LabelsFa = labelsFa ?? new string?[keys.Length];
        Name = name;
        Dimension = dimension;
        BucketOf = bucketOf;
        Keys = keys;
        Labels = labels;
        KeyRank = new int[keys.Length];
        var byKey = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(byKey, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
        for (var rank = 0; rank < byKey.Length; rank++)
        {
            KeyRank[byKey[rank]] = rank;
        }

        BucketAtRank = byKey;
    }

    /// <summary>The bucket whose key has a given place in the ordinal order: the inverse of <see cref="KeyRank"/>.</summary>
    public int[] BucketAtRank { get; }

    /// <summary>Each bucket's place in the ordinal order of the keys: ties in counts are broken by it without comparing strings.</summary>
    public int[] KeyRank { get; }

    public string Name { get; }

    /// <summary>Each value is its own bucket (persons, places, the figures themselves).</summary>
    public bool IsIdentity { get; }

    public FacetDimension Dimension { get; }

    public int[] BucketOf { get; }

    public string[] Keys { get; }

    public string[] Labels { get; }

    public string?[] LabelsFa { get; }

    public static IEnumerable<FacetView> For(FacetDimension dimension)
    {
        switch (dimension.Name)
        {
            case "date":
                yield return Bucketed("date", dimension, (n, _) => ((int)(n / 10000)).ToString("D4", CultureInfo.InvariantCulture), k => k);
                yield return Bucketed("date.month", dimension, MonthKey, k => k);
                break;
            case "figure":
                yield return Bucketed("figure", dimension, (n, _) => MagnitudeKey(n), MagnitudeLabel);
                // The figures themselves, each with the thing it counts: "30,000 political prisoners".
                yield return new FacetView("figure.value", dimension, [.. Enumerable.Range(0, dimension.Values.Length)], dimension.Values, dimension.Labels, identity: true);
                break;
            default:
                yield return new FacetView(dimension.Name, dimension, [.. Enumerable.Range(0, dimension.Values.Length)], dimension.Values, dimension.Labels, dimension.LabelsFa, identity: true);
                break;
        }
    }

    /// <summary>A date counts in a month only when it lies within one: a year or a season has no month bucket.</summary>
    private static string? MonthKey(double first, double last)
    {
        if (!double.IsNaN(last) && (int)(first / 100) != (int)(last / 100))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)(first / 10000):D4}-{(int)(first / 100) % 100:D2}");
    }

    /// <summary>Figures bucket by powers of ten: "1000-9999" holds every figure from 1,000 to 9,999.</summary>
    private static string MagnitudeKey(double n)
    {
        if (n < 10)
        {
            return "0-9";
        }

        var low = Math.Pow(10, Math.Floor(Math.Log10(n)));
        return string.Create(CultureInfo.InvariantCulture, $"{low:0}-{(low * 10) - 1:0}");
    }

    private static string MagnitudeLabel(string key)
    {
        var parts = key.Split('-');
        var low = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var high = double.Parse(parts[1], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{low:#,0}–{high:#,0}");
    }

    private static FacetView Bucketed(string name, FacetDimension dimension, Func<double, double, string?> keyOf, Func<string, string> labelOf)
    {
        var bucketOf = new int[dimension.Values.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        for (var ordinal = 0; ordinal < bucketOf.Length; ordinal++)
        {
            var number = dimension.Numbers[ordinal];
            var key = double.IsNaN(number) ? null : keyOf(number, dimension.Uppers[ordinal]);
            if (key is null)
            {
                bucketOf[ordinal] = -1;
                continue;
            }

            if (!index.TryGetValue(key, out var bucket))
            {
                bucket = keys.Count;
                index[key] = bucket;
                keys.Add(key);
            }

            bucketOf[ordinal] = bucket;
        }

        return new FacetView(name, dimension, bucketOf, [.. keys], [.. keys.Select(labelOf)]);
    }
}
