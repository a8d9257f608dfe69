namespace Search.Core.Searching;

/// <summary>
/// One facet dimension held in memory: its distinct values (ordinals), and for every document rowid the ordinals it
/// has, in compressed rows (offsets into one array). Counting a match set is then array reads, not SQL.
/// </summary>
internal sealed class FacetDimension
{
    private readonly int[] _offsets;
    private readonly int[] _ordinals;

    public FacetDimension(string name, string[] values, string[] labels, string?[] labelsFa, double[] numbers, double[] uppers, int[] offsets, int[] ordinals)
    {
        Name = name;
        Values = values;
        Labels = labels;
        LabelsFa = labelsFa;
        Numbers = numbers;
        Uppers = uppers;
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

    public string?[] LabelsFa { get; }

    /// <summary>The number of each value (a date's first day as yyyyMMdd, a figure), NaN when it has none.</summary>
    public double[] Numbers { get; }

    /// <summary>The upper end of each value's interval (a date's last day, a figure range's top), NaN when it has none.</summary>
    public double[] Uppers { get; }

    /// <summary>Whether the value's interval [number, upper] meets the filter's range.</summary>
    public bool Overlaps(int ordinal, RangeFilter range)
    {
        var low = Numbers[ordinal];
        if (double.IsNaN(low))
        {
            return false;
        }

        var high = double.IsNaN(Uppers[ordinal]) ? low : Uppers[ordinal];
        return (range.High is null || low <= range.High) && (range.Low is null || high >= range.Low);
    }

    public Dictionary<string, int> OrdinalOf { get; }

    /// <summary>How many values the documents name in all.</summary>
    public int Entries => _ordinals.Length;

    public ReadOnlySpan<int> OrdinalsOf(long rowid) =>
        rowid + 1 < _offsets.Length ? _ordinals.AsSpan(_offsets[rowid], _offsets[rowid + 1] - _offsets[rowid]) : [];
}
