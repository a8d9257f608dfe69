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
        var hardFilters = request.Query.Ranges.Select(RangePredicate).ToList();
        var dimensionFilters = DimensionFilters(request);
        var views = request.CountFacets ? Views : [];
        var counters = views.Select(v => new Counter(v, dimensionFilters.FindIndex(f => f.Dimension == v.Dimension.Name))).ToList();
        var top = new TopHits(request.Offset + request.Limit, request.Sort, _published);
        var total = 0;
        var rowNumber = 0;

        var (docs, scores, count) = Matches(request.Query);
        for (var i = 0; i < count; i++)
        {
            var rowid = docs is null ? i : docs[i];
            if (rowid >= _live.Length || !_live[rowid] || !hardFilters.TrueForAll(f => f(rowid)))
            {
                continue;
            }

            rowNumber++;
            var failed = -1;
            var failures = 0;
            for (var d = 0; d < dimensionFilters.Count && failures < 2; d++)
            {
                if (!dimensionFilters[d].Accepts(rowid))
                {
                    failed = d;
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
                top.Offer(rowid, scores is null ? 0 : scores[i]);
            }
        }

        var facets = counters.ToDictionary(c => c.View.Name, c => c.Top(request.FacetLimit), StringComparer.Ordinal);
        var hits = LoadHits(top.Ranked().Skip(request.Offset).ToList(), request.Query, snippeter);
        return new SearchResults(total, hits, facets);
    }

    /// <summary>
    /// The documents the query matches, rowids ascending, with their scores; for a query without terms every rowid of
    /// the generation (docs null: the index is the rowid) and no scores. Rowids may be of deleted documents.
    /// </summary>
    private (int[]? Docs, float[]? Scores, int Count) Matches(CompiledQuery query)
    {
        var evaluator = new MatchEvaluator(_postings, _bm25, _snapshot, _live.Length);
        try
        {
            var excluded = query.Exclude is null ? null : evaluator.Evaluate(query.Exclude);
            if (query.Match is null)
            {
                if (excluded is null)
                {
                    return (null, null, _live.Length);
                }

                var all = Enumerable.Range(0, _live.Length).ToArray();
                var remaining = ScoredDocs.Except(new ScoredDocs(all, new float[all.Length], all.Length), excluded);
                return (remaining.Docs, null, remaining.Count);
            }

            var matched = evaluator.Evaluate(query.Match);
            if (excluded is not null)
            {
                matched = ScoredDocs.Except(matched, excluded);
            }

            return (matched.Docs, matched.Scores, matched.Count);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // The compiler only writes valid FTS5; if it ever did not, the user gets a 400 and we get the message.
            throw new QueryParseException($"The query could not be run: {e.Message}", 0);
        }
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

    private List<SearchHit> LoadHits(List<(long Rowid, double Score)> ranked, CompiledQuery query, Snippeter? snippeter)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        // Read in the snapshot, then cut snippets outside it: the connection is held only while SQLite reads.
        var rows = _snapshot.Read(connection => ReadHits(connection, ranked, query, snippeter is not null));
        return
        [
            .. ranked.Where(r => rows.ContainsKey(r.Rowid)).Select(r =>
            {
                var row = rows[r.Rowid];
                return new SearchHit(
                    row.Id,
                    row.Title,
                    row.Language,
                    row.Published,
                    r.Score,
                    snippeter is null ? NoSnippet : snippeter.Cut(row.Body, query.HighlightTerms, query.HighlightPrefixes, row.EntitySpans),
                    snippeter is null ? [] : [.. FacetsOf(r.Rowid).Where(f => f.Dimension != "lang")]);
            }),
        ];
    }

    private sealed record HitRow(string Id, string Title, string Language, string? Published, string Body, List<(int Start, int End)>? EntitySpans);

    private static Dictionary<long, HitRow> ReadHits(SqliteConnection connection, List<(long Rowid, double Score)> ranked, CompiledQuery query, bool withBody)
    {
        using var command = connection.CreateCommand();
        var names = new List<string>();
        for (var i = 0; i < ranked.Count; i++)
        {
            names.Add("$r" + i);
            command.Parameters.AddWithValue("$r" + i, ranked[i].Rowid);
        }

        // Without snippets the body, the longest column by far, is not read at all.
        command.CommandText = $"SELECT rowid, id, title, lang, published{(withBody ? ", body" : ", ''")} FROM docs WHERE rowid IN ({string.Join(',', names)})";
        var rows = new Dictionary<long, HitRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var rowid = reader.GetInt64(0);
            rows[rowid] = new HitRow(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                withBody ? EntitySpans(connection, rowid, query.EntityTokens) : null);
        }

        return rows;
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
