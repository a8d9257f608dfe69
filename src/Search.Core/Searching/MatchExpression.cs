namespace Search.Core.Searching;

/// <summary>
/// A compiled full-text expression, as a tree: the postings evaluator walks it. <see cref="ToFts"/> renders it in FTS5
/// query syntax, which is its canonical text (a cache key) and what the tests give an FTS5 table in memory, the
/// reference our postings must agree with. Every leaf holds analyzed terms, never user text.
/// </summary>
public abstract record MatchExpression
{
    /// <summary>The expression in FTS5 query syntax; every term is quoted.</summary>
    public abstract string ToFts();
}

/// <summary>One term, or several in sequence (a phrase); with <see cref="Prefix"/> the last one is a prefix.</summary>
public sealed record TermsMatch(IReadOnlyList<string> Terms, bool Prefix = false) : MatchExpression
{
    public override string ToFts() =>
        "\"" + string.Join(' ', Terms).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (Prefix ? " *" : "");
}

/// <summary>An expression searched only in some columns of the full-text table.</summary>
public sealed record ColumnsMatch(IReadOnlyList<string> Columns, MatchExpression Inner) : MatchExpression
{
    public override string ToFts() => "{" + string.Join(' ', Columns) + "} : (" + Inner.ToFts() + ")";
}

/// <summary>Documents that match any of the parts.</summary>
public sealed record AnyMatch(IReadOnlyList<MatchExpression> Parts) : MatchExpression
{
    public override string ToFts() => "(" + string.Join(" OR ", Parts.Select(p => p.ToFts())) + ")";
}

/// <summary>Documents that match every part.</summary>
public sealed record AllMatch(IReadOnlyList<MatchExpression> Parts) : MatchExpression
{
    public override string ToFts() => "(" + string.Join(" AND ", Parts.Select(p => p.ToFts())) + ")";
}

/// <summary>Documents that match <see cref="Include"/> and not <see cref="Exclude"/>.</summary>
public sealed record ButNotMatch(MatchExpression Include, MatchExpression Exclude) : MatchExpression
{
    public override string ToFts() => "(" + Include.ToFts() + " NOT " + Exclude.ToFts() + ")";
}

/// <summary>
/// Everything one word of the query matches: its terms in each field and the gazetteer entities it names. Its scored
/// set depends only on the generation, so it is evaluated once and kept, like a single term's.
/// </summary>
public sealed record WordMatch(MatchExpression Inner) : MatchExpression
{
    public override string ToFts() => Inner.ToFts();
}
