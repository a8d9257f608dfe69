using System.CommandLine;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Cli.Commands;

/// <summary>
/// search-cli search --index DIR --query "..." for a person, or --queries FILE.tsv --run-file OUT for an evaluation:
/// TREC run lines "qid Q0 docid rank score tag".
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var config = CommonOptions.Config();
        var query = new Option<string?>("--query") { Description = "The query, in the query syntax (see README)." };
        var queries = new Option<string?>("--queries") { Description = "A file of 'qid<TAB>query' lines, for batch evaluation." };
        var runFile = new Option<string?>("--run-file") { Description = "Where to write the TREC run of --queries (default: standard output)." };
        var k = new Option<int>("--k") { Description = "How many hits per query.", DefaultValueFactory = _ => 10 };
        var tag = new Option<string>("--tag") { Description = "The run tag in the TREC run file.", DefaultValueFactory = _ => "hr-search" };
        var command = new Command("search", "Search an index.") { index, config, query, queries, runFile, k, tag };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var settings = CommonOptions.Settings(result.GetValue(config));
            using var host = new IndexHost(new IndexDirectory(result.GetValue(index)!));
            if (host.CurrentPath is null)
            {
                Console.Error.WriteLine($"error: no index in {result.GetValue(index)}: run 'index' first.");
                return 2;
            }

            var engine = new SqliteSearchEngine(host, settings);
            var limit = Math.Clamp(result.GetValue(k), 1, 10_000);
            if (result.GetValue(queries) is { } queryFile)
            {
                return RunBatch(engine, queryFile, result.GetValue(runFile), limit, result.GetValue(tag)!);
            }

            if (result.GetValue(query) is not { } text)
            {
                Console.Error.WriteLine("error: give --query or --queries.");
                return 2;
            }

            var results = engine.Search(new SearchQuery { Text = text, Limit = limit });
            Console.WriteLine($"{results.Total} hits");
            var rank = 0;
            foreach (var hit in results.Hits)
            {
                Console.WriteLine($"{++rank}. {hit.Id}  [{hit.Language}{(hit.Published is null ? "" : ", " + hit.Published)}]  score {hit.Score.ToString("0.###", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"   {hit.Title}");
                Console.WriteLine($"   {SnippetText.WithBrackets(hit.Snippet)}");
            }

            foreach (var (dimension, counts) in results.Facets)
            {
                Console.WriteLine($"{dimension}: {string.Join(", ", counts.Select(c => $"{c.Label} ({c.Count})"))}");
            }

            return 0;
        }));
        return command;
    }

    private static int RunBatch(ISearchEngine engine, string queryFile, string? runFile, int k, string tag)
    {
        using var output = runFile is null ? CommonOptions.Out() : new StreamWriter(runFile, false, new System.Text.UTF8Encoding(false));
        var failed = 0;
        foreach (var line in File.ReadLines(queryFile))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                Console.Error.WriteLine($"skipped a line without 'qid<TAB>query': {line}");
                continue;
            }

            var qid = line[..tab];
            SearchResults results;
            try
            {
                // Batch queries are plain words: escape the syntax so that every word counts and any word may match.
                results = engine.Search(new SearchQuery { Text = PlainWords.AsAnyWordQuery(line[(tab + 1)..]), Limit = k, Facets = false, Snippets = false });
            }
            catch (QueryParseException e)
            {
                Console.Error.WriteLine($"query {qid}: {e.Message}");
                failed++;
                continue;
            }

            var rank = 0;
            foreach (var hit in results.Hits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{qid} Q0 {hit.Id} {++rank} {hit.Score:0.######} {tag}"));
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
