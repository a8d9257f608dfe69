namespace Search.Core.Searching;

/// <summary>The only place FTS5 query text is written: quoted strings, column filters and operators.</summary>
public static class FtsSyntax
{
    /// <summary>A string literal: FTS5 reads a doubled quote inside quotes as one quote.</summary>
    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Phrase(IEnumerable<string> terms) => Quote(string.Join(' ', terms));

    public static string Prefix(IEnumerable<string> terms) => Phrase(terms) + " *";

    public static string InColumns(string columns, string expression) => "{" + columns + "} : (" + expression + ")";

    public static string Any(IEnumerable<string> expressions) => "(" + string.Join(" OR ", expressions) + ")";

    public static string All(IEnumerable<string> expressions) => "(" + string.Join(" AND ", expressions) + ")";
}
