using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

public sealed partial class SearchIndex
{
    /// <summary>
    /// Runs a search in one pass over the match set. Facet counts are multi-select: a dimension's counts apply every
    /// filter except that dimension's own, so ticking a second value shows what it would add.
    /// </summary>
    public SearchResults Search(SearchRequest request, Snippeter? snippeter)
    {
        if (IsPlainRanking(request))
        {
            return SearchRankedInSqlite(request, snippeter);
        }

        var hardFilters = request.Query.Ranges.Select(RangePredicate).ToList();
        var dimensionFilters = DimensionFilters(request);
        var views = request.CountFacets ? Views : [];
        var counters = views.Select(v => new Counter(v, dimensionFilters.FindIndex(f => f.Dimension == v.Dimension.Name))).ToList();
        var top = new TopHits(request.Offset + request.Limit, request.Sort, _published);
        var total = 0;
        var rowNumber = 0;

        using var connection = Connect();
        using var command = MatchCommand(connection, request.Query, request.Sort == SearchSort.Relevance);
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                // A rowid past the arrays was written after this generation was opened (an incremental run in
                // progress): rowids are never reused, so it is a live document whose facets are not loaded yet.
                if ((rowid < _live.Length && !_live[rowid]) || !hardFilters.TrueForAll(f => f(rowid)))
                {
                    continue;
                }

                rowNumber++;
                var failed = -1;
                var failures = 0;
                for (var i = 0; i < dimensionFilters.Count && failures < 2; i++)
                {
                    if (!dimensionFilters[i].Accepts(rowid))
                    {
                        failed = i;
                        failures++;
                    }
                }

                if (failures >= 2)
                {
                    continue;
                }

                foreach (var counter in counters)
                {
                    if (failures == 0 || counter.FilterIndex == failed)
                    {
                        counter.Add(rowid, rowNumber);
                    }
                }

                if (failures == 0)
                {
                    total++;
                    top.Offer(rowid, reader.FieldCount > 1 ? -reader.GetDouble(1) : 0);
                }
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // The compiler only writes valid FTS5; if it ever did not, the user gets a 400 and we get the message.
            throw new QueryParseException($"The query could not be run: {e.Message}", 0);
        }

        var facets = counters.ToDictionary(c => c.View.Name, c => c.Top(request.FacetLimit), StringComparer.Ordinal);
        var hits = LoadHits(connection, top.Ranked().Skip(request.Offset).ToList(), request.Query, snippeter);
        return new SearchResults(total, hits, facets);
    }

    /// <summary>
    /// No facets, filters or ranges, ranked by relevance: nothing needs every matching row in C#, so SQLite keeps the
    /// top hits itself (ORDER BY … LIMIT inside FTS5) and counts the matches without scoring them.
    /// </summary>
    private static bool IsPlainRanking(SearchRequest request) =>
        !request.CountFacets && request.Sort == SearchSort.Relevance && request.Query.Match is not null && request.Query.Exclude is null
        && request.Query.Ranges.Count == 0 && request.Ranges.Count == 0 && request.Filters.All(f => f.Value.Count == 0);

    private SearchResults SearchRankedInSqlite(SearchRequest request, Snippeter? snippeter)
    {
        using var connection = Connect();
        var ranked = new List<(long Rowid, double Score)>();
        int total;
        try
        {
            using (var top = connection.CreateCommand())
            {
                top.CommandText = $"SELECT rowid, bm25(fts, {IndexSchema.Bm25Weights}) AS score FROM fts WHERE fts MATCH $match ORDER BY score LIMIT $limit OFFSET $offset";
                top.Parameters.AddWithValue("$match", request.Query.Match);
                top.Parameters.AddWithValue("$limit", request.Limit);
                top.Parameters.AddWithValue("$offset", request.Offset);
                using var reader = top.ExecuteReader();
                while (reader.Read())
                {
                    ranked.Add((reader.GetInt64(0), -reader.GetDouble(1)));
                }
            }

            using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM fts WHERE fts MATCH $match";
            count.Parameters.AddWithValue("$match", request.Query.Match);
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            throw new QueryParseException($"The query could not be run: {e.Message}", 0);
        }

        var hits = LoadHits(connection, ranked, request.Query, snippeter);
        return new SearchResults(total, hits, new Dictionary<string, IReadOnlyList<FacetCount>>());
    }

    private static SqliteCommand MatchCommand(SqliteConnection connection, CompiledQuery query, bool ranked)
    {
        var command = connection.CreateCommand();
        var exclude = query.Exclude is null ? "" : " AND rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH $exclude)";
        command.CommandText = query.Match is null
            ? "SELECT rowid FROM docs WHERE 1" + exclude
            : (ranked ? $"SELECT rowid, bm25(fts, {IndexSchema.Bm25Weights}) FROM fts" : "SELECT rowid FROM fts")
              + " WHERE fts MATCH $match" + exclude;
        if (query.Match is not null)
        {
            command.Parameters.AddWithValue("$match", query.Match);
        }

        if (query.Exclude is not null)
        {
            command.Parameters.AddWithValue("$exclude", query.Exclude);
        }

        return command;
    }

    private List<DimensionFilter> DimensionFilters(SearchRequest request)
    {
        var filters = new List<DimensionFilter>();
        foreach (var (dimension, values) in request.Filters)
        {
            if (values.Count == 0)
            {
                continue;
            }

            if (!_facets.TryGetValue(dimension, out var facet))
            {
                filters.Add(new DimensionFilter(dimension, _ => false));
                continue;
            }

            var wanted = values.Select(v => facet.OrdinalOf.GetValueOrDefault(v, -1)).Where(o => o >= 0).ToHashSet();
            filters.Add(new DimensionFilter(dimension, rowid =>
            {
                foreach (var ordinal in facet.OrdinalsOf(rowid))
                {
                    if (wanted.Contains(ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }));
        }

        foreach (var range in request.Ranges)
        {
            var predicate = RangePredicate(range);
            var existing = filters.FindIndex(f => f.Dimension == range.Dimension);
            if (existing >= 0)
            {
                var other = filters[existing].Accepts;
                filters[existing] = new DimensionFilter(range.Dimension, r => other(r) && predicate(r));
            }
            else
            {
                filters.Add(new DimensionFilter(range.Dimension, predicate));
            }
        }

        return filters;
    }

    private Func<long, bool> RangePredicate(RangeFilter range)
    {
        if (!_facets.TryGetValue(range.Dimension, out var facet))
        {
            return _ => false;
        }

        return rowid =>
        {
            foreach (var ordinal in facet.OrdinalsOf(rowid))
            {
                if (facet.Overlaps(ordinal, range))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private List<SearchHit> LoadHits(SqliteConnection connection, List<(long Rowid, double Score)> ranked, CompiledQuery query, Snippeter? snippeter)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        var names = new List<string>();
        for (var i = 0; i < ranked.Count; i++)
        {
            names.Add("$r" + i);
            command.Parameters.AddWithValue("$r" + i, ranked[i].Rowid);
        }

        // Without snippets the body, the longest column by far, is not read at all.
        command.CommandText = $"SELECT rowid, id, title, lang, published{(snippeter is null ? ", ''" : ", body")} FROM docs WHERE rowid IN ({string.Join(',', names)})";
        var rows = new Dictionary<long, SearchHit>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                var score = ranked.First(r => r.Rowid == rowid).Score;
                rows[rowid] = new SearchHit(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    score,
                    snippeter is null ? NoSnippet : snippeter.Cut(reader.GetString(5), query.HighlightTerms, query.HighlightPrefixes, EntitySpans(connection, rowid, query.EntityTokens)),
                    snippeter is null ? [] : [.. FacetsOf(rowid).Where(f => f.Dimension != "lang")]);
            }
        }

        return [.. ranked.Where(r => rows.ContainsKey(r.Rowid)).Select(r => rows[r.Rowid])];
    }

    private static readonly Snippet NoSnippet = new("", [], false, false);

    /// <summary>Where the document mentions the entities the query named, read from its stored entities.</summary>
    private static List<(int Start, int End)>? EntitySpans(SqliteConnection connection, long rowid, IReadOnlySet<string> entityTokens)
    {
        if (entityTokens.Count == 0)
        {
            return null;
        }

        var spans = new List<(int, int)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM entities WHERE doc = $r ORDER BY ord";
        command.Parameters.AddWithValue("$r", rowid);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entity = Extraction.EntityJson.Deserialize(reader.GetString(0));
            if (entityTokens.Contains(FacetValue.TokenOf(entity.Kind, entity.Value)))
            {
                spans.Add((entity.Start, entity.End));
            }
        }

        return spans;
    }

    private List<FacetView>? _views;

    /// <summary>The facet views of this generation, built once: their bucket tables depend only on the values.</summary>
    private List<FacetView> Views => _views ??= [.. _facets.Values.SelectMany(FacetView.For)];

    private sealed record DimensionFilter(string Dimension, Func<long, bool> Accepts);

    /// <summary>Counts one facet view; a document counts once per bucket however many of its values fall in it.</summary>
    private sealed class Counter(FacetView view, int filterIndex)
    {
        private readonly int[] _counts = new int[view.Keys.Length];

        // Only a bucketed view can see one document twice in a bucket (two dates in one year); a document has each
        // value once, so a view of the values themselves needs no stamps.
        private readonly int[]? _stamp = view.IsIdentity ? null : Enumerable.Repeat(-1, view.Keys.Length).ToArray();

        public FacetView View => view;

        public int FilterIndex => filterIndex;

        public void Add(long rowid, int rowNumber)
        {
            if (_stamp is null)
            {
                foreach (var ordinal in view.Dimension.OrdinalsOf(rowid))
                {
                    _counts[ordinal]++;
                }

                return;
            }

            foreach (var ordinal in view.Dimension.OrdinalsOf(rowid))
            {
                var bucket = view.BucketOf[ordinal];
                if (bucket >= 0 && _stamp[bucket] != rowNumber)
                {
                    _stamp[bucket] = rowNumber;
                    _counts[bucket]++;
                }
            }
        }

        public IReadOnlyList<FacetCount> Top(int limit) =>
        [
            .. Enumerable.Range(0, _counts.Length)
                .Where(b => _counts[b] > 0)
                .OrderByDescending(b => _counts[b])
                .ThenBy(b => view.Keys[b], StringComparer.Ordinal)
                .Take(limit)
                .Select(b => new FacetCount(view.Keys[b], view.Labels[b], _counts[b], view.LabelsFa[b])),
        ];
    }
}
