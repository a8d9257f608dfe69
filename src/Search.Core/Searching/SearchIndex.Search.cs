using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

public sealed partial class SearchIndex
{
    /// <summary>
    /// Runs a search in one pass over the match set. Facet counts are multi-select: a dimension's counts apply every
    /// filter except that dimension's own, so ticking a second value shows what it would add. The counts of a search
    /// asked before (another page, another order) are reused unless the request says otherwise.
    /// </summary>
    public SearchResults Search(SearchRequest request, Snippeter? snippeter)
    {
        var facetKey = request.CountFacets && request.ReuseFacetCounts ? FacetCountCache.KeyOf(request) : null;
        if (facetKey is not null && _facetCounts.TryGet(facetKey, out var known))
        {
            // The counts are known: the total and the page come from the search that counts nothing.
            return Search(request with { CountFacets = false }, snippeter) with { Facets = known };
        }

        var keptKey = request.CountFacets ? KeptCountsKey(request) : null;
        if (keptKey is not null && FrequentWordCounts(keptKey, request) is { } kept)
        {
            // A frequent word counted ahead of time for this generation (CountFrequentWords).
            return Search(request with { CountFacets = false }, snippeter) with { Facets = Buckets.Show(kept, request.FacetLimit) };
        }

        var hardFilters = request.Query.Ranges.Select(RangeBits).ToList();
        var dimensionFilters = DimensionFilters(request);
        var matches = Matches(request.Query);
        var count = matches?.Count ?? _live.Length;
        var unfiltered = hardFilters.Count == 0 && dimensionFilters.Count == 0;
        var byRanking = matches is not null && request.Sort == SearchSort.Relevance && (!request.CountFacets || (unfiltered && CountsBesideTheRanking));
        var twoThreads = request.CountFacets && Environment.ProcessorCount > 1 && count >= (byRanking ? SharedCountingFrom : ParallelCountingFrom);
        // Two threads that share a count by chunks each count as if alone (a dense tally each when the whole set's
        // entries fill the buckets, so that they merge by adding their counts): halves each count their own.
        var tally = request.CountFacets ? StartTally(twoThreads && !byRanking ? count / 2 : count) : null;
        // For each filter, the buckets of its dimension's views: a document that fails only that filter counts there.
        var filterRanges = tally is null ? [] : dimensionFilters.Select(f => Buckets.RangeOf(f.Dimension)).ToArray();
        if (byRanking)
        {
            // The page is by relevance (and every match is live, see Matches): the best hits come from the set's ranking, which a
            // frequent term's cached set keeps once computed. Without counts the filters, if any, are one bitset to
            // test each match against, and the total is the size of what passes. With counts and no filter, every
            // match is counted and nothing else is asked of it (a pass would also offer each to a heap of hits), on
            // two threads from a few thousand matches: a helper starts at once, and this thread joins it once the page
            // is read.
            var bitsets = hardFilters.Concat(dimensionFilters.Select(f => f.Bits)).ToList();
            if (bitsets.Count > 0)
            {
                matches = matches!.Within(Bitsets.And(bitsets));
            }

            var counting = tally is not null && twoThreads
                ? SharedCounting.Start(Buckets, matches!.Docs, matches.Count, tally, StartTally(count), CountingChunk)
                : null;
            if (tally is not null && counting is null)
            {
                Buckets.CountAll(tally, matches!.Docs, 0, matches.Count);
            }

            var best = matches!.Best(request.Offset + request.Limit);
            var ranked = best.Skip(request.Offset).Select(i => ((long)matches.Docs[i], (double)matches.Scores[i])).ToList();
            var page = LoadHits(ranked, request.Query, snippeter);
            return new SearchResults(matches.Count, page, Counted(counting?.Finish() ?? tally, facetKey, request.FacetLimit, keptKey, matches));
        }

        var pass = new Pass(this, matches, hardFilters, dimensionFilters, filterRanges, request.Offset + request.Limit, request.Sort);
        int total;
        TopHits top;
        if (tally is not null && twoThreads)
        {
            // Counting facets touches every match: a large match set is counted in two halves at once, each with its
            // own counts and best hits, then merged (the lower half's hits first, so ties still go to the lower rowid).
            var half = count / 2;
            var second = StartTally(count - half);
            var lower = Task.Run(() => pass.Run(0, half, tally));
            var (upperTotal, upperTop) = pass.Run(half, count, second);
            var (lowerTotal, lowerTop) = lower.GetAwaiter().GetResult();
            tally.Merge(second);
            total = lowerTotal + upperTotal;
            top = new TopHits(request.Offset + request.Limit, request.Sort, _published.Items);
            foreach (var (rowid, score) in lowerTop.Ranked().Concat(upperTop.Ranked()).OrderBy(h => h.Rowid))
            {
                top.Offer(rowid, score);
            }
        }
        else
        {
            (total, top) = pass.Run(0, count, tally);
        }

        var facets = Counted(tally, facetKey, request.FacetLimit, keptKey, matches);
        var hits = LoadHits(top.Ranked().Skip(request.Offset).ToList(), request.Query, snippeter);
        return new SearchResults(total, hits, facets);
    }

    /// <summary>
    /// The counts a result shows, kept for the same request again when it has a key; a frequent word's whose kept
    /// counts no longer held (<paramref name="keptKey"/>: after a write) are kept for it again.
    /// </summary>
    private Dictionary<string, IReadOnlyList<FacetCount>> Counted(FacetBuckets.Tally? tally, string? facetKey, int limit, string? keptKey, ScoredDocs? matches)
    {
        Dictionary<string, IReadOnlyList<FacetCount>> facets;
        if (tally is not null && keptKey is not null && matches is not null)
        {
            var tops = tally.Top(FrequentWordFacetLimit);
            KeepCounts(keptKey, tops, matches);
            facets = Buckets.Show(tops, limit);
        }
        else
        {
            facets = tally?.Results(limit) ?? new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        }

        if (facetKey is not null)
        {
            _facetCounts.Add(facetKey, facets);
        }

        return facets;
    }

    private static bool PassesAll(List<ulong[]> filters, long rowid)
    {
        foreach (var filter in filters)
        {
            if (!Bitsets.Has(filter, rowid))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The documents the query matches, rowids ascending, with their scores; null for a query without terms (every
    /// document). Every one is live (the evaluator drops deleted documents' postings as it reads them).
    /// </summary>
    private ScoredDocs? Matches(CompiledQuery query)
    {
        var evaluator = Evaluator(_termScores);
        try
        {
            var excluded = query.Exclude is null ? null : evaluator.Evaluate(query.Exclude);
            if (query.Match is null)
            {
                if (excluded is null)
                {
                    return null;
                }

                var all = Enumerable.Range(0, _live.Length).Where(r => _live[r]).ToArray();
                return ScoredDocs.Except(new ScoredDocs(all, new float[all.Length], all.Length), excluded);
            }

            var matched = evaluator.Evaluate(query.Match);
            return excluded is null ? matched : ScoredDocs.Except(matched, excluded);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // SQLite reports an error it cannot run: the user gets a 400 with its message rather than a 500.
            throw new QueryParseException($"The query could not be run: {e.Message}", 0);
        }
    }

    /// <summary>An evaluator over this generation's live documents, with the given cache of scored terms.</summary>
    private MatchEvaluator Evaluator(TermScoreCache cache) =>
        new(_postings, cache, _bm25, _snapshot, _live.Length, _deletedRows > 0 ? _live : null, LoadedVocabulary);

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
                filters.Add(new DimensionFilter(dimension, new ulong[(_live.Length + 63) >> 6]));
                continue;
            }

            var wanted = values.Select(v => facet.OrdinalOf.GetValueOrDefault(v, -1)).Where(o => o >= 0).Order().ToArray();
            var key = dimension + "\u0000" + string.Join(',', wanted);
            filters.Add(new DimensionFilter(dimension, Bitset(key, rowid =>
            {
                foreach (var ordinal in facet.OrdinalsOf(rowid))
                {
                    if (Array.BinarySearch(wanted, ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            })));
        }

        foreach (var range in request.Ranges)
        {
            var bits = RangeBits(range);
            var existing = filters.FindIndex(f => f.Dimension == range.Dimension);
            if (existing >= 0)
            {
                filters[existing] = new DimensionFilter(range.Dimension, Bitsets.And([filters[existing].Bits, bits]));
            }
            else
            {
                filters.Add(new DimensionFilter(range.Dimension, bits));
            }
        }

        return filters;
    }

    private ulong[] RangeBits(RangeFilter range)
    {
        if (!_facets.TryGetValue(range.Dimension, out var facet))
        {
            return new ulong[(_live.Length + 63) >> 6];
        }

        var key = "\u0001" + range.Key;
        return Bitset(key, rowid =>
        {
            foreach (var ordinal in facet.OrdinalsOf(rowid))
            {
                if (facet.Overlaps(ordinal, range))
                {
                    return true;
                }
            }

            return false;
        });
    }

    private const int MaxCachedFilters = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ulong[]> _filters = new(StringComparer.Ordinal);

    /// <summary>
    /// A filter as a bitset over the generation's rowids, computed once and kept (up to a few hundred filters, 125 KB
    /// each for a million documents): a filter is asked of every match, and a bit test is far cheaper than reading a
    /// document's facet values. The same filters come back all the time (a language, a person, a period).
    /// </summary>
    private ulong[] Bitset(string key, Func<long, bool> accepts)
    {
        if (!_filters.TryGetValue(key, out var bits))
        {
            bits = new ulong[(_live.Length + 63) >> 6];
            for (var rowid = 0; rowid < _live.Length; rowid++)
            {
                if (_live[rowid] && accepts(rowid))
                {
                    bits[rowid >> 6] |= 1UL << (rowid & 63);
                }
            }

            if (_filters.Count >= MaxCachedFilters)
            {
                _filters.Clear();
            }

            _filters.TryAdd(key, bits);
        }

        return bits;
    }

    private List<SearchHit> LoadHits(List<(long Rowid, double Score)> ranked, CompiledQuery query, Snippeter? snippeter)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        // Read in the snapshot, then cut snippets outside it: the connection is held only while SQLite reads.
        var rows = _snapshot.Read(_ => ReadHits(ranked, query, snippeter is not null));
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

    private Dictionary<long, HitRow> ReadHits(List<(long Rowid, double Score)> ranked, CompiledQuery query, bool withBody)
    {
        // Without snippets the text, the longest column by far, is not read at all, nor its row (see IndexSchema).
        // The statement is kept prepared (Snapshot.Kept) for lists of a power of two of rowids, the slots past the
        // page's own repeating its first: a page of up to 128 hits is one of eight statements, with or without text.
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)ranked.Count);
        var rowids = string.Join(',', Enumerable.Range(0, slots).Select(i => "$r" + i));
        var command = _snapshot.Kept(withBody
            ? $"SELECT d.rowid, d.id, d.title, d.lang, d.published, t.body FROM docs d JOIN texts t ON t.doc = d.rowid WHERE d.rowid IN ({rowids})"
            : $"SELECT d.rowid, d.id, d.title, d.lang, d.published, '' FROM docs d WHERE d.rowid IN ({rowids})");
        for (var i = 0; i < slots; i++)
        {
            command.Set("$r" + i, ranked[i < ranked.Count ? i : 0].Rowid);
        }

        var rows = new Dictionary<long, HitRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var rowid = reader.GetInt64(0);
            var body = reader.GetString(5);
            rows[rowid] = new HitRow(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                body,
                withBody ? EntitySpans(rowid, body, query.EntityTokens) : null);
        }

        return rows;
    }

    private static readonly Snippet NoSnippet = new("", [], false, false);

    /// <summary>Where the document mentions the entities the query named, read from its stored entities.</summary>
    private List<(int Start, int End)>? EntitySpans(long rowid, string body, IReadOnlySet<string> entityTokens)
    {
        if (entityTokens.Count == 0)
        {
            return null;
        }

        var spans = new List<(int, int)>();
        foreach (var entity in Entities(rowid, body))
        {
            if (entityTokens.Contains(FacetValue.TokenOf(entity.Kind, entity.Value)))
            {
                spans.Add((entity.Start, entity.End));
            }
        }

        return spans;
    }

    private FacetBuckets? _buckets;
    private object? _bucketsGate;

    // The buckets of the state this one extends, when it had them: this state's are theirs with the rows added.
    private FacetBuckets? _extendedBuckets;

    /// <summary>
    /// The facet views of this generation and every document's buckets, built once, by the first faceted search (or
    /// the count of frequent words beside it: built by one of them, the other waits), or extended from the buckets
    /// of the state before a live write (see <see cref="PrepareLike"/>).
    /// </summary>
    private FacetBuckets Buckets => LazyInitializer.EnsureInitialized(ref _buckets, ref _bucketsGate, () =>
    {
        var before = _extendedBuckets?.Views.ToDictionary(v => v.Name, StringComparer.Ordinal);
        List<FacetView> views = [.. _facets.Values.SelectMany(d => FacetView.For(d, before))];
        var buckets = _extendedBuckets?.Extended(views, _live.Length) ?? FacetBuckets.Build(views, _live.Length);
        _extendedBuckets = null;
        return buckets;
    });

    /// <summary>
    /// A match set this large, in a pass that filters or orders by date, has its facets counted in two halves at once
    /// (settable for tests; a set ranked by relevance and counted apart shares its count instead, from
    /// <see cref="SharedCountingFrom"/>). A match costs some
    /// 60-75 ns to count on one core here (its 25-35 buckets are increments scattered over 180 KB of counts); the
    /// prefix class at 1M documents, each query timed with both thresholds: from 20,000 to 50,000 matches the halves
    /// took a median of 57 ns a match against 65 in one pass, from 10,000 to 20,000 no less than one pass.
    /// </summary>
    internal int ParallelCountingFrom { get; set; } = 20_000;

    /// <summary>
    /// A match set this large, ranked for its page and counted apart, is counted on two threads (settable for tests):
    /// see <see cref="SharedCounting"/>. From 1,000, 2,000 and 4,000 matches measured alike on the AND class at a
    /// million documents, faceted p50s in two harness runs: 662 and 656 µs from 1,000 and 2,000 (727 on one thread),
    /// and, before dense counting began at 0.02 entries per bucket, 739 and 758 from 2,000 and 4,000 (782 on one
    /// thread).
    /// </summary>
    internal int SharedCountingFrom { get; set; } = 2_000;

    /// <summary>How many matches each thread of a shared count takes at a time (settable for tests).</summary>
    internal int CountingChunk { get; set; } = SharedCounting.DefaultChunk;

    /// <summary>
    /// A pass whose matches hold this many bucket entries per bucket, on average, counts densely (settable for tests):
    /// past that point scanning every count once costs less than noting each bucket touched. Since a dense tally
    /// offers only counts that can enter its heaps, eight compared at a time, that point is some 30-50 matches at a
    /// million documents (18 entries a document, 43,840 buckets), not one entry per bucket: the AND class's matches,
    /// counted and their best values chosen, in one process, the two kinds in turn, medians of 9 (µs, noting /
    /// dense): 1,076 matches 269 / 123, 3,022 529 / 267, 19,199 2,191 / 1,238; the rare class's 22 matches 4 / 6, 31
    /// 16 / 9, 126 22 / 12.
    /// </summary>
    internal double DenseCountingFrom { get; set; } = 0.02;

    /// <summary>
    /// Whether an unfiltered search by relevance counts its matches apart from ranking them (settable for tests, which
    /// hold it against the pass that does both).
    /// </summary>
    internal bool CountsBesideTheRanking { get; set; } = true;

    /// <summary>The tally for a pass over <paramref name="matches"/> matches: dense when they hold enough entries.</summary>
    private FacetBuckets.Tally StartTally(int matches) => Buckets.StartTally(Buckets.ExpectedEntries(matches) >= DenseCountingFrom * Buckets.Count);

    /// <summary>
    /// The pass over a range of the match set (or of every rowid, when the query has no terms): filters, the total,
    /// the best hits and the facet counts.
    /// </summary>
    private sealed class Pass(SearchIndex index, ScoredDocs? matches, List<ulong[]> hardFilters, List<DimensionFilter> dimensionFilters, (int Start, int End)[] filterRanges, int keep, SearchSort sort)
    {
        public (int Total, TopHits Top) Run(int from, int to, FacetBuckets.Tally? tally)
        {
            var top = new TopHits(keep, sort, index._published.Items);
            var live = index._live;
            var buckets = tally is null ? null : index.Buckets;
            var total = 0;
            var docs = matches?.Docs;
            var scores = matches?.Scores;
            // Every match is live (see Matches): only the pass over every rowid asks.
            var testLive = docs is null;
            if (buckets is not null && docs is not null)
            {
                buckets.PrefetchFirst(docs, from, to);
            }

            for (var i = from; i < to; i++)
            {
                if (buckets is not null && docs is not null)
                {
                    buckets.PrefetchAhead(docs, i, to);
                }

                var rowid = docs is null ? i : docs[i];
                if (rowid >= live.Length || (testLive && !live[rowid]) || !PassesAll(hardFilters, rowid))
                {
                    continue;
                }

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

                if (tally is not null)
                {
                    if (failures == 0)
                    {
                        buckets!.CountInto(tally, rowid);
                    }
                    else
                    {
                        buckets!.CountInto(tally, rowid, filterRanges[failed].Start, filterRanges[failed].End);
                    }
                }

                if (failures == 0)
                {
                    total++;
                    top.Offer(rowid, scores is null ? 0 : scores[i]);
                }
            }

            return (total, top);
        }
    }

    private sealed record DimensionFilter(string Dimension, ulong[] Bits)
    {
        public bool Accepts(long rowid) => Bitsets.Has(Bits, rowid);
    }
}
