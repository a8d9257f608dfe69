using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Search.Benchmarks;

/// <summary>
/// An HTTP load generator, run as its own process: a number of concurrent clients cycle through every query of every
/// class against /api/search for a fixed time, with or without facet counts, with or without a language filter.
/// Reports throughput and latency percentiles, overall and per query class, as one JSON line. With one client the
/// percentiles are the service's latency; with several, latency under load. Loopback only: the service under test
/// runs on this machine. One pass over the queries warms the service up before the clock starts.
/// </summary>
internal static class LoadCommand
{
    public static int Run(Arguments a)
    {
        var url = a.Get("url").TrimEnd('/');
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.IsLoopback))
        {
            Console.Error.WriteLine("load: only loopback addresses are targets");
            return 2;
        }

        var filter = a.Flag("filter");
        var queries = QueriesCommand.Classes
            .Select(c => (Class: c, Path: Path.Combine(a.Get("queries"), c + ".tsv")))
            .Where(c => File.Exists(c.Path))
            .SelectMany(c => File.ReadAllLines(c.Path).Select(l => (c.Class, Text: l.Split('\t')[1])))
            .Select(q => (q.Class, Query: "q=" + Uri.EscapeDataString(q.Text) + (filter ? "&lang=" + (q.Text.Any(ch => ch is >= '\u0600' and <= '\u06FF') ? "fa" : "en") : "")))
            .ToArray();
        var concurrency = a.Int("concurrency", 8);
        var duration = TimeSpan.FromSeconds(a.Int("seconds", 20));
        // With facets, counting is measured unless --facet-cache: then the counts of a query asked before are reused.
        var facets = !a.Flag("facets") ? "&facetSize=0" : a.Flag("facet-cache") ? "" : "&facetCache=false";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        // One pass over every query first, as the in-process measurements warm up: the figures are of a warm service.
        foreach (var (_, q) in queries)
        {
            using var response = http.GetAsync($"{url}/api/search?{q}{facets}").GetAwaiter().GetResult();
        }

        var latencies = new System.Collections.Concurrent.ConcurrentBag<(string Class, double Micros)>();
        var errors = 0;
        var stop = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (stop.Elapsed < duration)
            {
                var (cls, q) = queries[(Interlocked.Increment(ref next) & int.MaxValue) % queries.Length];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync($"{url}/api/search?{q}{facets}");
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add((cls, clock.Elapsed.TotalMilliseconds * 1000));
            }
        })).ToArray();
        Task.WaitAll(workers);
        var sorted = latencies.Select(l => l.Micros).Order().ToArray();
        var classes = new JsonObject();
        foreach (var group in latencies.GroupBy(l => l.Class))
        {
            var times = group.Select(l => l.Micros).Order().ToArray();
            classes[group.Key] = new JsonObject
            {
                ["requests"] = times.Length,
                ["p50_us"] = Math.Round(Percentiles.Of(times, 50), 1),
                ["p95_us"] = Math.Round(Percentiles.Of(times, 95), 1),
                ["p99_us"] = Math.Round(Percentiles.Of(times, 99), 1),
            };
        }

        Console.WriteLine(new JsonObject
        {
            ["engine"] = "ours-http",
            ["facets"] = a.Flag("facets"),
            ["facet_cache"] = a.Flag("facets") && a.Flag("facet-cache"),
            ["filter"] = filter,
            ["concurrency"] = concurrency,
            ["seconds"] = Math.Round(stop.Elapsed.TotalSeconds, 1),
            ["requests"] = sorted.Length,
            ["errors"] = errors,
            ["throughput_rps"] = Math.Round(sorted.Length / stop.Elapsed.TotalSeconds, 1),
            ["p50_us"] = Math.Round(Percentiles.Of(sorted, 50), 1),
            ["p95_us"] = Math.Round(Percentiles.Of(sorted, 95), 1),
            ["p99_us"] = Math.Round(Percentiles.Of(sorted, 99), 1),
            ["classes"] = classes,
        }.ToJsonString());
        return errors == 0 ? 0 : 1;
    }
}
