namespace Search.Core.Extraction;

/// <summary>
/// Something a document names or states: a person, place or organization (canonical id and labels), a date (ISO value
/// by its precision, Gregorian, with the calendar it was written in) or a figure (a number, its qualifier, the thing
/// counted). <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets of <see cref="Text"/> in the original text.
/// </summary>
public sealed record Entity
{
    public required string Kind { get; init; }

    /// <summary>Gazetteer id; discovered name; ISO date (yyyy-MM-dd, yyyy-MM, yyyy, or --MM-dd without a year); figure number.</summary>
    public required string Value { get; init; }

    public required string Label { get; init; }

    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>The label in Persian script, for gazetteer entities.</summary>
    public string? LabelFa { get; init; }

    /// <summary>The gazetteer's type (prison, city, ministry…) or the role of a person.</summary>
    public string? Type { get; init; }

    /// <summary>A name found by its shape (title, given name) rather than in the gazetteer.</summary>
    public bool Discovered { get; init; }

    /// <summary>Dates: day, month, season or year.</summary>
    public string? Precision { get; init; }

    /// <summary>Dates: gregorian or persian (Solar Hijri), as written.</summary>
    public string? Calendar { get; init; }

    /// <summary>Dates written in the Solar Hijri calendar: the date in that calendar (1367-05-07, 1367).</summary>
    public string? SolarHijri { get; init; }

    /// <summary>Dates: spring, summer, autumn or winter when the precision is season; early, mid, late when stated.</summary>
    public string? Part { get; init; }

    /// <summary>Dates: the first and last day the date covers, as yyyyMMdd numbers (0 when the year is unknown).</summary>
    public int From { get; init; }

    public int To { get; init; }

    /// <summary>Figures: the number (the lower bound of a range).</summary>
    public double? Number { get; init; }

    /// <summary>Figures: the upper bound of a range ("between 2,800 and 3,800").</summary>
    public double? Upper { get; init; }

    /// <summary>Figures: how the number is bounded as written ("more than", "بیش از"); null when exact.</summary>
    public string? Qualifier { get; init; }

    /// <summary>Figures: the thing counted ("political prisoners", "نفر").</summary>
    public string? Unit { get; init; }
}
