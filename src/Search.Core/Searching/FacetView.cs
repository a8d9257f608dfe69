using System.Globalization;

namespace Search.Core.Searching;

/// <summary>
/// How one dimension's values are counted and shown: terms one for one (person, place, lang), dates by year and by
/// month, figures by order of magnitude. Each value ordinal maps to one bucket.
/// </summary>
internal sealed class FacetView
{
    private FacetView(string name, FacetDimension dimension, int[] bucketOf, string[] keys, string[] labels, string?[]? labelsFa, bool identity, int[] bucketAtRank)
    {
        IsIdentity = identity;
        LabelsFa = labelsFa ?? new string?[keys.Length];
        Name = name;
        Dimension = dimension;
        BucketOf = bucketOf;
        Keys = keys;
        Labels = labels;
        BucketAtRank = bucketAtRank;
        KeyRank = new int[keys.Length];
        for (var rank = 0; rank < bucketAtRank.Length; rank++)
        {
            KeyRank[bucketAtRank[rank]] = rank;
        }
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

    public static IEnumerable<FacetView> For(FacetDimension dimension) => For(dimension, null);

    /// <summary>
    /// The views of <paramref name="dimension"/>, each extended from the view of the same name in
    /// <paramref name="previous"/> when it has one: a dimension extended after a live write keeps its values' ordinals
    /// and adds values past them, so a view keeps its buckets and ranks the keys it adds among its own, where made
    /// afresh it would rank every key again (at a million documents, sorting some 45,000 keys on every write).
    /// </summary>
    public static IEnumerable<FacetView> For(FacetDimension dimension, IReadOnlyDictionary<string, FacetView>? previous)
    {
        FacetView? Before(string name) => previous?.GetValueOrDefault(name);
        switch (dimension.Name)
        {
            case "date":
                yield return Bucketed("date", dimension, (n, _) => ((int)(n / 10000)).ToString("D4", CultureInfo.InvariantCulture), k => k, Before("date"));
                yield return Bucketed("date.month", dimension, MonthKey, k => k, Before("date.month"));
                break;
            case "figure":
                yield return Bucketed("figure", dimension, (n, _) => MagnitudeKey(n), MagnitudeLabel, Before("figure"));
                // The figures themselves, each with the thing it counts: "30,000 political prisoners".
                yield return Identity("figure.value", dimension, null, Before("figure.value"));
                break;
            default:
                yield return Identity(dimension.Name, dimension, dimension.LabelsFa, Before(dimension.Name));
                break;
        }
    }

    /// <summary>A view of the values themselves: value ordinal n is bucket n.</summary>
    private static FacetView Identity(string name, FacetDimension dimension, string?[]? labelsFa, FacetView? previous)
    {
        var keys = dimension.Values;
        var held = previous is { IsIdentity: true } && previous.Keys.Length <= keys.Length ? previous.Keys.Length : 0;
        var bucketOf = new int[keys.Length];
        for (var ordinal = 0; ordinal < bucketOf.Length; ordinal++)
        {
            bucketOf[ordinal] = ordinal;
        }

        var ranked = held > 0 ? Merged(previous!.BucketAtRank, keys, held) : Ranked(keys);
        return new FacetView(name, dimension, bucketOf, keys, dimension.Labels, labelsFa, identity: true, ranked);
    }

    /// <summary>The buckets in the ordinal order of their keys.</summary>
    private static int[] Ranked(string[] keys)
    {
        var byKey = new int[keys.Length];
        for (var b = 0; b < byKey.Length; b++)
        {
            byKey[b] = b;
        }

        Array.Sort(byKey, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
        return byKey;
    }

    /// <summary>
    /// The buckets in the ordinal order of their keys, from the order of the first <paramref name="held"/> (a view's
    /// before it was extended) and the keys after them, ranked on their own and merged in: the same order as
    /// <see cref="Ranked"/>, keys being distinct.
    /// </summary>
    private static int[] Merged(int[] heldOrder, string[] keys, int held)
    {
        if (held == keys.Length)
        {
            return heldOrder;
        }

        var added = new int[keys.Length - held];
        for (var i = 0; i < added.Length; i++)
        {
            added[i] = held + i;
        }

        Array.Sort(added, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
        var merged = new int[keys.Length];
        var (h, a, m) = (0, 0, 0);
        while (h < heldOrder.Length && a < added.Length)
        {
            merged[m++] = string.CompareOrdinal(keys[heldOrder[h]], keys[added[a]]) < 0 ? heldOrder[h++] : added[a++];
        }

        heldOrder.AsSpan(h).CopyTo(merged.AsSpan(m));
        added.AsSpan(a).CopyTo(merged.AsSpan(m + heldOrder.Length - h));
        return merged;
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

    /// <summary>
    /// A view of buckets of values (years, months, magnitudes), numbered as the ordinals first fall in them; extended
    /// from <paramref name="previous"/>, the ordinals it held keep their buckets and only the ordinals after them are
    /// looked at.
    /// </summary>
    private static FacetView Bucketed(string name, FacetDimension dimension, Func<double, double, string?> keyOf, Func<string, string> labelOf, FacetView? previous)
    {
        var bucketOf = new int[dimension.Values.Length];
        var held = previous is { IsIdentity: false } && previous.BucketOf.Length <= bucketOf.Length ? previous.BucketOf.Length : 0;
        List<string> keys = held > 0 ? [.. previous!.Keys] : [];
        List<string> labels = held > 0 ? [.. previous!.Labels] : [];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var bucket = 0; bucket < keys.Count; bucket++)
        {
            index[keys[bucket]] = bucket;
        }

        previous?.BucketOf.AsSpan(0, held).CopyTo(bucketOf);
        for (var ordinal = held; ordinal < bucketOf.Length; ordinal++)
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
                labels.Add(labelOf(key));
            }

            bucketOf[ordinal] = bucket;
        }

        string[] keyArray = [.. keys];
        var ranked = held > 0 ? Merged(previous!.BucketAtRank, keyArray, previous.Keys.Length) : Ranked(keyArray);
        return new FacetView(name, dimension, bucketOf, keyArray, [.. labels], null, identity: false, ranked);
    }
}
