namespace Search.Core.Searching;

/// <summary>
/// One facet dimension held in memory: its distinct values (ordinals), and for every document rowid the ordinals it
/// has, in compressed rows (offsets into one array). Counting a match set is then array reads, not SQL.
/// </summary>
internal sealed class FacetDimension
{
    // Both shared with the states extended from this one, which only append (see GrowingArray): _rows + 1 offsets
    // and _entries ordinals are this state's.
    private readonly GrowingArray<int> _offsets;
    private readonly GrowingArray<int> _ordinals;
    private readonly int _rows;
    private readonly int _entries;

    public FacetDimension(string name, string[] values, string[] labels, string?[] labelsFa, double[] numbers, double[] uppers, int[] offsets, int[] ordinals)
        : this(name, values, labels, labelsFa, numbers, uppers, GrowingArray<int>.Of(offsets), offsets.Length - 1, GrowingArray<int>.Of(ordinals), ordinals.Length, null)
    {
    }

    // ordinalOf: the index of the values, when a dimension extended has it already.
    private FacetDimension(string name, string[] values, string[] labels, string?[] labelsFa, double[] numbers, double[] uppers, GrowingArray<int> offsets, int rows, GrowingArray<int> ordinals, int entries, Dictionary<string, int>? ordinalOf)
    {
        _rows = rows;
        _entries = entries;
        Name = name;
        Values = values;
        Labels = labels;
        LabelsFa = labelsFa;
        Numbers = numbers;
        Uppers = uppers;
        _offsets = offsets;
        _ordinals = ordinals;
        OrdinalOf = ordinalOf ?? new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = OrdinalOf.Count; i < values.Length; i++)
        {
            OrdinalOf[values[i]] = i;
        }
    }

    /// <summary>
    /// This dimension with rows added past its own: <paramref name="offsets"/> are where each added row's values end,
    /// counted on from this dimension's entries, and <paramref name="ordinals"/> the added rows' values, some of them
    /// new values (given after this dimension's own, with their labels and numbers).
    /// </summary>
    public FacetDimension Extended(ReadOnlySpan<int> offsets, ReadOnlySpan<int> ordinals, string[] values, string[] labels, string?[] labelsFa, double[] numbers, double[] uppers)
    {
        // The index of the values is shared only while no value is added: a reader of this state must not see it change.
        var index = values.Length == 0 ? OrdinalOf : new Dictionary<string, int>(OrdinalOf, StringComparer.Ordinal);
        return new FacetDimension(
            Name,
            values.Length == 0 ? Values : [.. Values, .. values],
            values.Length == 0 ? Labels : [.. Labels, .. labels],
            values.Length == 0 ? LabelsFa : [.. LabelsFa, .. labelsFa],
            values.Length == 0 ? Numbers : [.. Numbers, .. numbers],
            values.Length == 0 ? Uppers : [.. Uppers, .. uppers],
            _offsets.Append(_rows + 1, offsets),
            _rows + offsets.Length,
            _ordinals.Append(_entries, ordinals),
            _entries + ordinals.Length,
            index);
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
    public int Entries => _entries;

    /// <summary>How many rowids the dimension covers (from 0); rowids past them have none of its values.</summary>
    public int Rows => _rows;

    public ReadOnlySpan<int> OrdinalsOf(long rowid)
    {
        if (rowid >= _rows)
        {
            return [];
        }

        var offsets = _offsets.Items;
        return _ordinals.Items.AsSpan(offsets[rowid], offsets[rowid + 1] - offsets[rowid]);
    }
}
