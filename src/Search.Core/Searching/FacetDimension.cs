namespace Search.Core.Searching;

/// <summary>
/// One facet dimension held in memory: its distinct values (ordinals), and for every document rowid the ordinals it
/// has, in compressed rows (offsets into one array). Counting a match set is then array reads, not SQL.
/// </summary>
internal sealed class FacetDimension
{
    private readonly int[] _offsets;
    private readonly int[] _ordinals;

    // ordinalOf: the index of the values, when a dimension extended without new values has it already.
    public FacetDimension(string name, string[] values, string[] labels, string?[] labelsFa, double[] numbers, double[] uppers, int[] offsets, int[] ordinals, Dictionary<string, int>? ordinalOf = null)
    {
        Name = name;
        Values = values;
        Labels = labels;
        LabelsFa = labelsFa;
        Numbers = numbers;
        Uppers = uppers;
        _offsets = offsets;
        _ordinals = ordinals;
        if (ordinalOf is not null)
        {
            OrdinalOf = ordinalOf;
            return;
        }

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

    /// <summary>How many rowids the dimension covers (from 0); rowids past them have none of its values.</summary>
    public int Rows => _offsets.Length - 1;

    /// <summary>Copies the offsets of the rows covered, and the end of the last, into the start of a longer array.</summary>
    public void CopyOffsets(int[] into) => _offsets.CopyTo(into, 0);

    /// <summary>Every row's ordinals, then those of the rows added after them.</summary>
    public int[] OrdinalsWith(List<int> added)
    {
        var all = new int[_ordinals.Length + added.Count];
        _ordinals.CopyTo(all, 0);
        added.CopyTo(all, _ordinals.Length);
        return all;
    }

    public ReadOnlySpan<int> OrdinalsOf(long rowid) =>
        rowid + 1 < _offsets.Length ? _ordinals.AsSpan(_offsets[rowid], _offsets[rowid + 1] - _offsets[rowid]) : [];
}
