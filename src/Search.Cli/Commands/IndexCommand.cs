using System.CommandLine;
using Search.Core.Indexing;

namespace Search.Cli.Commands;

/// <summary>search-cli index --source DIR --index DIR: a full rebuild into a new generation.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var source = new Option<string[]>("--source")
        {
            Description = "A folder of documents (.txt, .md), read recursively. Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var index = CommonOptions.Index();
        var config = CommonOptions.Config();
        var command = new Command("index", "Build the index from source folders; the new generation replaces the served one when complete.")
        {
            source, index, config,
        };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var settings = CommonOptions.Settings(result.GetValue(config));
            var directory = new IndexDirectory(result.GetValue(index)!);
            var sources = result.GetValue(source)!.Select(s => new FolderSource(s)).ToList();
            var report = new ReindexRunner(settings).RunFull(directory, sources);
            foreach (var skipped in report.Skipped)
            {
                Console.Error.WriteLine($"skipped {skipped.Source}: {skipped.Reason}");
            }

            Console.WriteLine(
                $"indexed {report.Added} documents into {Path.Combine(directory.Path, report.Generation!)} " +
                $"(added {report.Added}, updated {report.Updated}, deleted {report.Deleted}, skipped {report.Skipped.Count}) " +
                $"in {report.Duration.TotalSeconds:0.00} s");
            return 0;
        }));
        return command;
    }
}
