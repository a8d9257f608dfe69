using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Search.Benchmarks;

/// <summary>
/// An HTTP load generator, run as its own process: a number of concurrent clients cycle through every query of every
/// class against /api/search for a fixed time. Reports throughput and latency percentiles as one JSON line.
/// Loopback only: the service under test runs on this machine.
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

        var queries = QueriesCommand.Classes
            .Select(c => Path.Combine(a.Get("queries"), c + ".tsv"))
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Split('\t')[1])
            .ToArray();
        var concurrency = a.Int("concurrency", 8);
        var duration = TimeSpan.FromSeconds(a.Int("seconds", 20));
        var facets = a.Flag("facets") ? "" : "&facetSize=0";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var stop = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (stop.Elapsed < duration)
            {
                var q = queries[(Interlocked.Increment(ref next) & int.MaxValue) % queries.Length];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync($"{url}/api/search?q={Uri.EscapeDataString(q)}{facets}");
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

                latencies.Add(clock.Elapsed.TotalMilliseconds * 1000);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(new JsonObject
        {
            ["engine"] = "ours-http",
            ["concurrency"] = concurrency,
            ["seconds"] = Math.Round(stop.Elapsed.TotalSeconds, 1),
            ["requests"] = sorted.Length,
            ["errors"] = errors,
            ["throughput_rps"] = Math.Round(sorted.Length / stop.Elapsed.TotalSeconds, 1),
            ["p50_us"] = Math.Round(Percentiles.Of(sorted, 50), 1),
            ["p95_us"] = Math.Round(Percentiles.Of(sorted, 95), 1),
            ["p99_us"] = Math.Round(Percentiles.Of(sorted, 99), 1),
        }.ToJsonString());
        return errors == 0 ? 0 : 1;
    }
}
