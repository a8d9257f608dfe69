using Search.Benchmarks;

// The benchmark tool: a scaled corpus, query sets per class, in-process latencies, an HTTP load generator, and the
// BenchmarkDotNet micro-benchmarks. bench/run.sh runs them with the Lucene harness and writes the report.
return args.FirstOrDefault() switch
{
    "corpus" => CorpusCommand.Run(Arguments.Parse(args)),
    "queries" => QueriesCommand.Run(Arguments.Parse(args)),
    "latency" => LatencyCommand.Run(Arguments.Parse(args)),
    "facet-cost" => FacetCostCommand.Run(Arguments.Parse(args)),
    "live-write" => LiveWriteCommand.Run(Arguments.Parse(args)),
    "load" => LoadCommand.Run(Arguments.Parse(args)),
    "lucene-corpus" => LuceneCorpusCommand.Run(Arguments.Parse(args)),
    "micro" => MicroBenchmarks.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: search-bench <command> [options]
          corpus --out FILE.jsonl --docs N [--seed 1] [--shared ../shared]     a scaled corpus from ../shared/corpus
          queries --corpus FILE.jsonl --out DIR [--per-class 50] [--seed 1]     query sets per class, both languages
          latency --index DIR --queries DIR [--facets] [--repeat 5] [--config DIR]   in-process latencies, JSON lines
          facet-cost --index DIR --queries DIR [--repeat 20] [--class C]   each query with and without facets in turn, JSON lines
          live-write --index DIR --corpus FILE.jsonl [--writes 10] [--count-ahead]   single-document writes and the searches after them (writes to DIR)
          load --url URL --queries DIR [--concurrency 8] [--seconds 20] [--facets] [--filter]   HTTP throughput and latencies, per class
          lucene-corpus --index DIR --out FILE.jsonl    our documents and facet values in the Lucene harness format
          micro [BenchmarkDotNet options]                 analyzer and extractor micro-benchmarks
        """);
    return 2;
}
