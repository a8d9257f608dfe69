using System.Diagnostics;
using System.Text.Json.Nodes;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Benchmarks;

/// <summary>
/// What a single-document write through the API costs on a large index, and what the searches right after it pay:
/// documents of the corpus are written again (each replaces itself, as an edited report would) through the service's
/// own write path (<see cref="LiveIndex"/>), one at a time; after each, a faceted search of a common word and a prefix
/// search are timed, the first of the new state; with --count-ahead, the count of the frequent words' facets before
/// the writes and again after them. WRITES TO THE INDEX: run it on a copy. Prints one JSON line.
/// </summary>
internal static class LiveWriteCommand
{
    public static int Run(Arguments a)
    {
        var settings = IndexSettings.Load(ConfigDirectory.Resolve(a.Get("config", null!)));
        var directory = new IndexDirectory(a.Get("index"));
        using var host = new IndexHost(directory);
        using var gate = new WriterGate();
        var engine = new SqliteSearchEngine(host, settings);
        var live = new LiveIndex(host, settings, gate);
        var writes = a.Int("writes", 10);
        var documents = ReadDocuments(a.Get("corpus"), writes + 1, a.Int("skip", 1000));
        var common = a.Get("common", "report");
        var prefix = a.Get("prefix", "pris*");

        // --count-ahead: the frequent words' facets are counted first, as the service does; after the writes they are
        // counted again for the state the last write made, which counts only the words the writes touched.
        var countAhead = a.Flag("count-ahead");
        var firstCount = countAhead ? Time(() => engine.CountFrequentWordsAsync().GetAwaiter().GetResult()) : 0;

        // The state before: what a search costs once its generation is warm.
        Time(() => engine.Search(Faceted(common)));
        Time(() => engine.Search(Plain(prefix)));
        var warmFaceted = Time(() => engine.Search(Faceted(common)));
        var warmPrefix = Time(() => engine.Search(Plain(prefix)));

        var write = new List<double>();
        var faceted = new List<double>();
        var prefixed = new List<double>();
        foreach (var document in documents.Take(writes))
        {
            write.Add(Time(() => live.Upsert(document)));
            faceted.Add(Time(() => engine.Search(Faceted(common))));
            prefixed.Add(Time(() => engine.Search(Plain(prefix))));
        }

        var countAgain = 0.0;
        if (countAhead)
        {
            // One more write with no search after it: the count of its state starts now, not after the settling time a
            // search would start it with.
            live.Upsert(documents[^1]);
            countAgain = Time(() => engine.CountFrequentWordsAsync().GetAwaiter().GetResult());
        }

        var wordsKept = engine.Status().FacetsCountedAhead;

        var reload = Time(host.Reload);
        var line = new JsonObject
        {
            ["engine"] = "ours",
            ["documents"] = host.Acquire() is { } lease ? UsingLease(lease) : 0,
            ["writes"] = write.Count,
            ["write_ms_p50"] = Math.Round(Percentiles.Of([.. write.Order()], 50), 1),
            ["write_ms_max"] = Math.Round(write.Max(), 1),
            ["reload_ms"] = Math.Round(reload, 1),
            ["faceted_after_write_ms_p50"] = Math.Round(Percentiles.Of([.. faceted.Order()], 50), 1),
            ["faceted_warm_ms"] = Math.Round(warmFaceted, 1),
            ["prefix_after_write_ms_p50"] = Math.Round(Percentiles.Of([.. prefixed.Order()], 50), 1),
            ["prefix_warm_ms"] = Math.Round(warmPrefix, 1),
        };
        if (countAhead)
        {
            line["count_ahead_s"] = Math.Round(firstCount / 1000, 1);
            line["count_again_after_writes_s"] = Math.Round(countAgain / 1000, 1);
            line["words_kept"] = wordsKept;
        }

        Console.WriteLine(line.ToJsonString());
        return 0;
    }

    private static int UsingLease(IndexHost.Lease lease)
    {
        using (lease)
        {
            return lease.Index.DocumentCount;
        }
    }

    private static SearchQuery Faceted(string text) => new() { Text = text, Limit = 10, Facets = true, Snippets = false };

    private static SearchQuery Plain(string text) => new() { Text = text, Limit = 10, Facets = false, Snippets = false };

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Documents of the corpus after the first <paramref name="skip"/> lines, as they were indexed.</summary>
    private static List<SourceDocument> ReadDocuments(string corpus, int count, int skip)
    {
        var documents = new List<SourceDocument>();
        foreach (var line in File.ReadLines(corpus).Skip(skip))
        {
            if (documents.Count == count)
            {
                break;
            }

            if (JsonDocuments.FromJson(line, corpus).Document is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }
}
