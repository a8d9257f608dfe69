namespace Search.Core.Searching;

/// <summary>
/// A range over a numeric facet dimension, both bounds inclusive and null when open. Dates are numbers of the form
/// yyyyMMdd so that ranges over them are plain numeric comparisons.
/// </summary>
public sealed record RangeFilter(string Dimension, double? Low, double? High)
{
    public bool Contains(double value) => (Low is null || value >= Low) && (High is null || value <= High);
}
