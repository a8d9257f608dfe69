using System.Globalization;

namespace Search.Core.Searching;

/// <summary>
/// A range over a numeric facet dimension, both bounds inclusive and null when open. Dates are numbers of the form
/// yyyyMMdd so that ranges over them are plain numeric comparisons. A value matches when its own interval meets the
/// range: "the summer of 1988" is inside date:[1988-07-01 TO 1988-12-31], and so is "between 30,000 and 40,000"
/// inside figure:[35000 TO 36000].
/// </summary>
public sealed record RangeFilter(string Dimension, double? Low, double? High)
{
    /// <summary>The range as text that tells any two apart (the bounds round-trip exactly): a key for caches.</summary>
    internal string Key => string.Create(CultureInfo.InvariantCulture, $"{Dimension}:{Low:R}..{High:R}");
}
