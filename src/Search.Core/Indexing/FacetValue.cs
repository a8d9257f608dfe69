namespace Search.Core.Indexing;

/// <summary>
/// One facet value of a document: a dimension (lang, person, place, org, date, figure), the canonical value filters
/// match on, labels to show (and the Persian one for gazetteer entities), and for range dimensions the interval the
/// value covers: a date's first and last day as yyyyMMdd, a figure's number and the upper end of its range.
/// </summary>
public sealed record FacetValue(string Dimension, string Value, string Label, double? Number = null, double? Upper = null, string? LabelFa = null)
{
    /// <summary>The token that stands for this value in the tags column: "person_ali_khamenei", "lang_fa".</summary>
    public string Token => TokenOf(Dimension, Value);

    public static string TokenOf(string dimension, string value)
    {
        var chars = value.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // Only '_' and ASCII letters and digits may stay: other ASCII would split the token (FtsTokens).
            if (chars[i] < 128 && !char.IsAsciiLetterOrDigit(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return dimension + "_" + new string(chars);
    }
}
