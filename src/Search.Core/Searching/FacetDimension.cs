namespace Search.Core.Searching;

/// <summary>
/// One facet dimension held in memory: its distinct values (ordinals), and for every document rowid the ordinals it
/// has, in compressed rows (offsets into one array). Counting a match set is then array reads, not SQL.
/// </summary>
internal sealed class FacetDimension
{
    private readonly int[] _offsets;
    private readonly int[] _ordinals;

    public FacetDimension(string name, string[] values, string[] labels, double[] numbers, int[] offsets, int[] ordinals)
    {
        Name = name;
        Values = values;
        Labels = labels;
        Numbers = numbers;
        _offsets = offsets;
        _ordinals = ordinals;
        OrdinalOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            OrdinalOf[values[i]] = i;
        }
    }

    public string Name { get; }

    public string[] Values { get; }

    public string[] Labels { get; }

    /// <summary>The number of each value (a date as yyyyMMdd, a figure), NaN when it has none.</summary>
    public double[] Numbers { get; }

    public Dictionary<string, int> OrdinalOf { get; }

    public ReadOnlySpan<int> OrdinalsOf(long rowid) =>
        rowid + 1 < _offsets.Length ? _ordinals.AsSpan(_offsets[rowid], _offsets[rowid + 1] - _offsets[rowid]) : [];
}
