using System.CommandLine;
using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// search-cli index --source DIR --index DIR [--mode incremental|full]: the reindex runner from the command line.
/// On a terminal it shows a progress bar with counts and rate; redirected, it writes a plain line every few thousand
/// documents. It ends with a summary: added, updated, deleted, unchanged, skipped, time.
/// </summary>
internal static class IndexCommand
{
    private const int PlainEvery = 5000;

    public static Command Create()
    {
        var source = new Option<string[]>("--source")
        {
            Description = "A folder of documents (.txt .md .html .docx .json .jsonl .jsonl.gz), read recursively. Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var index = CommonOptions.Index();
        var config = CommonOptions.Config();
        var mode = new Option<string>("--mode")
        {
            Description = "incremental (default: only what changed; everything when the analyzers changed) or full (a new generation).",
            DefaultValueFactory = _ => "incremental",
        };
        mode.AcceptOnlyFromAmong("incremental", "full");
        var noExtraction = new Option<bool>("--no-extraction")
        {
            Description = "Index text and metadata without extracting persons, places, dates and figures (to measure what extraction costs).",
        };
        var command = new Command("index", "Build or update the index from source folders; the served generation stays intact until the new state is complete.")
        {
            source, index, config, mode, noExtraction,
        };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var settings = CommonOptions.Settings(result.GetValue(config));
            var directory = new IndexDirectory(result.GetValue(index)!);
            var sources = result.GetValue(source)!.Select(s => new FolderSource(s)).ToList();
            var runMode = result.GetValue(mode) == "full" ? ReindexMode.Full : ReindexMode.Incremental;
            var runner = new ReindexRunner(settings) { ExtractEntities = !result.GetValue(noExtraction) };
            var why = runMode == ReindexMode.Incremental ? runner.WhyFull(directory) : null;
            if (why is not null)
            {
                Console.Error.WriteLine($"full rebuild: {why}");
            }

            var report = Console.IsOutputRedirected || Console.IsErrorRedirected
                ? RunPlain(runner, directory, sources, runMode)
                : RunWithProgressBar(runner, directory, sources, runMode);
            foreach (var skipped in report.Skipped)
            {
                Console.Error.WriteLine($"skipped {skipped.Source}: {skipped.Reason}");
            }

            Console.WriteLine(
                $"{report.Mode}: added {report.Added}, updated {report.Updated}, deleted {report.Deleted}, unchanged {report.Unchanged}, withdrawn {report.Withdrawn}, " +
                $"skipped {report.Skipped.Count} in {report.Duration.TotalSeconds:0.00} s; serving {Path.Combine(directory.Path, report.Generation!)}");
            return 0;
        }));
        return command;
    }

    private static ReindexReport RunPlain(ReindexRunner runner, IndexDirectory directory, IReadOnlyList<FolderSource> sources, ReindexMode mode)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = PlainEvery;
        var progress = new SyncProgress(p =>
        {
            if (p.Processed >= next)
            {
                next += PlainEvery;
                Console.Error.WriteLine($"{p.Processed} documents, {p.Skipped} skipped, {p.Processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} docs/s");
            }
        });
        return runner.Run(directory, sources, mode, progress: progress);
    }

    private static ReindexReport RunWithProgressBar(ReindexRunner runner, IndexDirectory directory, IReadOnlyList<FolderSource> sources, ReindexMode mode)
    {
        ReindexReport? report = null;
        AnsiConsole.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("indexing");
                task.IsIndeterminate = true;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var progress = new SyncProgress(p =>
                    task.Description = $"{p.Processed:N0} documents, {p.Skipped:N0} skipped, {p.Processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} docs/s");
                report = runner.Run(directory, sources, mode, progress: progress);
                task.StopTask();
            });
        return report!;
    }

    /// <summary>Progress reported on the calling thread, as it happens.</summary>
    private sealed class SyncProgress(Action<ReindexProgress> report) : IProgress<ReindexProgress>
    {
        public void Report(ReindexProgress value) => report(value);
    }
}
