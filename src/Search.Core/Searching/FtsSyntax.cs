namespace Search.Core.Searching;

/// <summary>
/// The only place full-text expressions are built: quoted terms, column filters and operators, as a
/// <see cref="MatchExpression"/> tree, which renders to FTS5 query syntax as its canonical text.
/// </summary>
public static class FtsSyntax
{
    /// <summary>One term, quoted when rendered (a quote inside is doubled, as FTS5 syntax has it).</summary>
    public static MatchExpression Quote(string term) => new TermsMatch([term]);

    public static MatchExpression Phrase(IEnumerable<string> terms) => new TermsMatch([.. terms]);

    public static MatchExpression Prefix(IEnumerable<string> terms) => new TermsMatch([.. terms], Prefix: true);

    public static MatchExpression InColumns(string columns, MatchExpression expression) =>
        new ColumnsMatch(columns.Split(' ', StringSplitOptions.RemoveEmptyEntries), expression);

    public static MatchExpression Any(IEnumerable<MatchExpression> expressions) => new AnyMatch([.. expressions]);

    public static MatchExpression All(IEnumerable<MatchExpression> expressions) => new AllMatch([.. expressions]);

    /// <summary>One word's expression (see <see cref="WordMatch"/>).</summary>
    public static MatchExpression Word(MatchExpression expression) => new WordMatch(expression);

    public static MatchExpression ButNot(MatchExpression include, MatchExpression exclude) => new ButNotMatch(include, exclude);
}
