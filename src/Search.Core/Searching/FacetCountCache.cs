using System.Globalization;
using System.Text;

namespace Search.Core.Searching;

/// <summary>
/// The facet counts of recent searches of one generation, by what decides them: the match, the exclusion, the ranges,
/// the filters and the number of values per dimension, not the page or the order. A generation never changes, so an
/// entry never goes stale. Paging through a result, going back to it, or the same query asked again by someone else
/// then skips counting, which for a common word is most of a faceted search's cost. Oldest out first, within a budget.
/// </summary>
internal sealed class FacetCountCache(long budgetBytes)
{
    private readonly BudgetCache<string, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> _entries = new(budgetBytes);

    public long Bytes => _entries.Bytes;

    public bool TryGet(string key, out IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> facets) => _entries.TryGet(key, out facets);

    // The values' strings belong to the generation's views; an entry holds the lists, each value 32 bytes inline.
    public void Add(string key, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> facets) =>
        _entries.Add(key, facets, (key.Length * 2) + 64 + facets.Sum(f => 64 + (f.Value.Count * 32L)));

    /// <summary>
    /// What decides a search's facet counts, as one string: the expressions as rendered (terms quoted, so no two
    /// different expressions render alike), the query's own ranges, each filter's dimension with its values sorted
    /// (values of a dimension OR together, so their order does not matter), and the values per dimension.
    /// </summary>
    public static string KeyOf(SearchRequest request)
    {
        var key = new StringBuilder();
        key.Append(request.Query.Match?.ToFts()).Append('\u0001').Append(request.Query.Exclude?.ToFts()).Append('\u0001');
        foreach (var range in request.Query.Ranges)
        {
            key.Append(range.Key).Append('\u0002');
        }

        key.Append('\u0001');
        foreach (var (dimension, values) in request.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append(dimension).Append('=').AppendJoin('\u0003', values.Order(StringComparer.Ordinal)).Append('\u0002');
        }

        key.Append('\u0001');
        foreach (var range in request.Ranges)
        {
            key.Append(range.Key).Append('\u0002');
        }

        return key.Append('\u0001').Append(request.FacetLimit.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
