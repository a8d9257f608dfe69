namespace Search.Core.Searching;

/// <summary>The field names a query may use before a colon, and what kind of values each takes.</summary>
public static class QueryFields
{
    /// <summary>Full-text fields: their values are analyzed like document text.</summary>
    public static readonly IReadOnlySet<string> Text = new HashSet<string>(StringComparer.Ordinal) { "title", "body" };

    /// <summary>Facet fields: their values name a facet value (an entity, a language).</summary>
    public static readonly IReadOnlySet<string> Facet = new HashSet<string>(StringComparer.Ordinal) { "person", "place", "lang", "org" };

    /// <summary>Range fields: date (ISO dates) and figure (numbers).</summary>
    public static readonly IReadOnlySet<string> Range = new HashSet<string>(StringComparer.Ordinal) { "date", "figure" };

    public static bool IsKnown(string field) => Text.Contains(field) || Facet.Contains(field) || Range.Contains(field);

    public static string Describe() => string.Join(", ", Text.Concat(Facet).Concat(Range));
}
