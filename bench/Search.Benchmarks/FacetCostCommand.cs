using System.Diagnostics;
using System.Text.Json.Nodes;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Benchmarks;

/// <summary>
/// What counting facets adds to a query, measured in one process: every query is timed without facets and with them
/// in turn, so that the machine's drift (here the same run of the same build moves by a quarter between processes)
/// falls on both alike. Which of the two goes first alternates between passes: the second reads the page the first
/// just read. The facets are counted as the service counts them: a frequent word's counts are kept for the generation
/// (counted before the warm-up), every other query counts its own, and no result is reused. Prints two JSON lines per
/// class, without facets and with, marked "paired".
/// </summary>
internal static class FacetCostCommand
{
    public static int Run(Arguments a)
    {
        var settings = IndexSettings.Load(ConfigDirectory.Resolve(a.Get("config", null!)));
        using var host = new IndexHost(new IndexDirectory(a.Get("index")));
        var engine = new SqliteSearchEngine(host, settings);
        LatencyCommand.CountFrequentWords(host, engine);

        var repeat = a.Int("repeat", 20);
        var limit = a.Int("k", 10);
        var only = a.Get("class", "");
        foreach (var cls in QueriesCommand.Classes.Where(c => only.Length == 0 || c == only))
        {
            var path = Path.Combine(a.Get("queries"), cls + ".tsv");
            if (!File.Exists(path))
            {
                continue;
            }

            var texts = File.ReadAllLines(path).Select(l => l.Split('\t')[1]).ToList();
            var plain = texts.Select(q => Query(q, facets: false, limit)).ToList();
            var faceted = texts.Select(q => Query(q, facets: true, limit)).ToList();
            LatencyCommand.WarmUp(engine, [.. plain, .. faceted]);

            var times = new[] { new List<double>(), new List<double>() };
            // How many timings a collection fell in, per side, and what a query allocates: a class's p99 is its few
            // slowest timings (the 4th slowest of 400 with 8 passes of 50 queries), and a collection's pause is
            // longer than a short query.
            var collected = new[] { 0, 0 };
            var allocated = new[] { 0L, 0L };
            for (var r = 0; r < repeat; r++)
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    var order = r % 2 == 0 ? new[] { 0, 1 } : [1, 0];
                    foreach (var side in order)
                    {
                        var (collections, bytes) = (GC.CollectionCount(0), GC.GetAllocatedBytesForCurrentThread());
                        var clock = Stopwatch.StartNew();
                        engine.Search(side == 0 ? plain[i] : faceted[i]);
                        times[side].Add(clock.Elapsed.TotalMilliseconds * 1000);
                        collected[side] += GC.CollectionCount(0) > collections ? 1 : 0;
                        allocated[side] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    }
                }
            }

            for (var side = 0; side < 2; side++)
            {
                var sorted = times[side].Order().ToArray();
                Console.WriteLine(new JsonObject
                {
                    ["engine"] = "ours",
                    ["class"] = cls,
                    ["paired"] = true,
                    ["facets"] = side == 1,
                    ["frequent_words"] = side == 1,
                    ["queries"] = texts.Count,
                    ["measured"] = sorted.Length,
                    ["p50_us"] = Math.Round(Percentiles.Of(sorted, 50), 1),
                    ["p95_us"] = Math.Round(Percentiles.Of(sorted, 95), 1),
                    ["p99_us"] = Math.Round(Percentiles.Of(sorted, 99), 1),
                    ["queries_with_a_collection"] = collected[side],
                    ["bytes_allocated_per_query_on_this_thread"] = allocated[side] / sorted.Length,
                }.ToJsonString());
            }
        }

        return 0;
    }

    private static SearchQuery Query(string text, bool facets, int limit) => new()
    {
        Text = text,
        Limit = limit,
        Facets = facets,
        ReuseFacetCounts = false,
        UseFrequentWordCounts = facets,
        Snippets = false,
    };
}
