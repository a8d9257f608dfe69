using System.Diagnostics;
using System.Text.Json.Nodes;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Benchmarks;

/// <summary>
/// In-process query latencies per class, measured like the Lucene harness measures its own: warm-up passes (at least
/// 3 and 5,000 queries, as the harness does, but stopping after 30 s once a full pass is done, so that a class that is
/// slow on a large corpus does not spend an hour warming up), then timed passes over every query; one timed unit covers parsing, the search, facet counting when
/// asked, and the top hits with their snippets. Prints one JSON line per class.
/// </summary>
internal static class LatencyCommand
{
    private static readonly TimeSpan WarmupBudget = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WarmupMinimum = TimeSpan.FromSeconds(5);

    public static int Run(Arguments a)
    {
        var settings = IndexSettings.Load(ConfigDirectory.Resolve(a.Get("config", null!)));
        using var host = new IndexHost(new IndexDirectory(a.Get("index")));
        var engine = new SqliteSearchEngine(host, settings);
        var facets = a.Flag("facets");
        var filter = a.Flag("filter");
        // Counting is measured unless --facet-cache: then the counts of a query asked before are reused, as the service
        // does. --frequent-words: the counts of frequent words counted ahead of time are taken (the service does that
        // too, and --facet-cache implies it); the count is waited for before the warm-up.
        var facetCache = a.Flag("facet-cache");
        var frequentWords = facetCache || a.Flag("frequent-words");
        if (facets && frequentWords)
        {
            CountFrequentWords(host, engine);
        }

        var snippets = !a.Flag("ids-only");
        var repeat = a.Int("repeat", 5);
        var only = a.Get("class", "");
        var slowest = a.Int("slowest", 0);
        foreach (var cls in QueriesCommand.Classes.Where(c => only.Length == 0 || c == only))
        {
            var path = Path.Combine(a.Get("queries"), cls + ".tsv");
            if (!File.Exists(path))
            {
                continue;
            }

            var queries = File.ReadAllLines(path).Select(l => l.Split('\t')[1]).ToList();
            var search = queries.Select(q => new SearchQuery
            {
                Text = q,
                Limit = a.Int("k", 10),
                Facets = facets,
                ReuseFacetCounts = facetCache,
                UseFrequentWordCounts = frequentWords,
                Snippets = snippets,
                Filters = filter ? new Dictionary<string, IReadOnlyList<string>> { ["lang"] = [q.Any(c => c is >= '\u0600' and <= '\u06FF') ? "fa" : "en"] } : new Dictionary<string, IReadOnlyList<string>>(),
            }).ToList();
            WarmUp(engine, search);

            var latencies = new List<double>();
            var perQuery = search.Select(_ => new List<double>()).ToList();
            var totals = new int[search.Count];
            long hits = 0;
            // Collections during the timed passes, and their pauses: a p99 of a few hundred microseconds is decided by
            // a handful of queries, and one collection can be them.
            var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var paused = GC.GetTotalPauseDuration();
            var wall = Stopwatch.StartNew();
            for (var r = 0; r < repeat; r++)
            {
                for (var i = 0; i < search.Count; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var total = engine.Search(search[i]).Total;
                    hits += total;
                    totals[i] = total;
                    var us = clock.Elapsed.TotalMilliseconds * 1000;
                    latencies.Add(us);
                    perQuery[i].Add(us);
                }
            }

            // --slowest N: which queries make the tail, by their median over the passes (to stderr, beside the figures).
            foreach (var (query, times, total) in queries.Zip(perQuery, totals).OrderByDescending(p => Percentiles.Of([.. p.Second.Order()], 50)).Take(slowest))
            {
                Console.Error.WriteLine($"{cls}\t{Percentiles.Of([.. times.Order()], 50):0}\t{times.Max():0}\t{total}\t{query}");
            }

            var sorted = latencies.Order().ToArray();
            Console.WriteLine(new JsonObject
            {
                ["engine"] = "ours",
                ["class"] = cls,
                ["facets"] = facets,
                ["facet_cache"] = facets && facetCache,
                ["frequent_words"] = facets && frequentWords,
                ["filter"] = filter,
                ["snippets"] = snippets,
                ["queries"] = queries.Count,
                ["measured"] = sorted.Length,
                ["mean_hits"] = Math.Round((double)hits / sorted.Length, 1),
                ["p50_us"] = Math.Round(Percentiles.Of(sorted, 50), 1),
                ["p95_us"] = Math.Round(Percentiles.Of(sorted, 95), 1),
                ["p99_us"] = Math.Round(Percentiles.Of(sorted, 99), 1),
                ["qps_single_thread"] = Math.Round(sorted.Length / wall.Elapsed.TotalSeconds, 1),
                ["gc_collections"] = new JsonArray([.. Enumerable.Range(0, 3).Select(g => (JsonNode)(GC.CollectionCount(g) - collections[g]))]),
                ["gc_pause_ms"] = Math.Round((GC.GetTotalPauseDuration() - paused).TotalMilliseconds, 2),
            }.ToJsonString());
        }

        return 0;
    }

    /// <summary>
    /// Runs the queries over and over before they are timed: at least 3 passes and 5,000 queries, as the Lucene harness
    /// does, and at least <see cref="WarmupMinimum"/>, but no new pass after <see cref="WarmupBudget"/> once one is done.
    /// </summary>
    internal static void WarmUp(SqliteSearchEngine engine, IReadOnlyList<SearchQuery> search)
    {
        var warmup = Math.Max(3, (int)Math.Ceiling(5000.0 / search.Count));
        var warming = Stopwatch.StartNew();
        // And at least WarmupMinimum: a fast class is through 5,000 queries in half a second, before the runtime
        // has compiled its hot paths fully (tiered compilation), and two runs of the same code then differed
        // by half at p50 (common words without facets, 1M documents: 165-174 µs against 87-99 in a process that
        // had run a while).
        for (var w = 0; (w < warmup || warming.Elapsed < WarmupMinimum) && (w == 0 || warming.Elapsed < WarmupBudget); w++)
        {
            foreach (var q in search)
            {
                engine.Search(q);
            }
        }
    }

    /// <summary>
    /// Counts the facets of the generation's frequent words, as the service does after its first faceted search, and
    /// says on stderr how many, in how long and in how much memory.
    /// </summary>
    internal static void CountFrequentWords(IndexHost host, SqliteSearchEngine engine)
    {
        var counting = Stopwatch.StartNew();
        engine.CountFrequentWordsAsync().GetAwaiter().GetResult();
        using (var lease = host.Acquire())
        {
            var (words, bytes) = lease!.Index.FrequentWordFacets;
            Console.Error.WriteLine($"frequent words counted ahead: {words} in {counting.Elapsed.TotalSeconds:0.0} s, {bytes / 1e6:0.0} MB");
        }

        // The count leaves its words' match sets behind (196 million matches at 8 bytes each, at a million
        // documents), once per generation: a service has long collected them when its queries come, so the
        // measurement does not time that collection either.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
