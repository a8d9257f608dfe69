using System.Diagnostics;
using Search.Core.Configuration;

namespace Search.Core.Indexing;

/// <summary>
/// Builds an index from sources. A full rebuild writes a new generation file beside the serving one and publishes
/// it only when complete, so a run that fails or is killed leaves the serving generation as it was; its partial
/// file is removed by the next run's clean-up.
/// </summary>
public sealed class ReindexRunner(IndexSettings settings)
{
    /// <summary>The metadata key under which an index records the <see cref="IndexSettings.Fingerprint"/> it was built with.</summary>
    public const string SettingsKey = "settings_fingerprint";

    public ReindexReport RunFull(
        IndexDirectory directory,
        IReadOnlyList<FolderSource> sources,
        IProgress<ReindexProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        directory.DeleteStale(new HashSet<string>());
        var path = directory.NextGenerationPath();
        var analysis = new DocumentAnalysis(settings);
        var skipped = new List<SkippedSource>();
        var added = 0;
        try
        {
            using (var writer = IndexWriter.Create(path, new Dictionary<string, string> { [SettingsKey] = settings.Fingerprint }))
            {
                foreach (var source in sources)
                {
                    foreach (var (document, skip) in source.Read())
                    {
                        cancellation.ThrowIfCancellationRequested();
                        if (skip is not null)
                        {
                            skipped.Add(skip);
                        }
                        else
                        {
                            writer.Add(analysis.Analyze(document!));
                            added++;
                        }

                        progress?.Report(new ReindexProgress(added, skipped.Count));
                    }
                }

                writer.Optimize();
            }

            directory.Publish(path);
        }
        catch
        {
            TryDelete(path);
            throw;
        }

        return new ReindexReport("full", added, 0, 0, 0, skipped, Path.GetFileName(path), clock.Elapsed);
    }

    private static void TryDelete(string path)
    {
        foreach (var suffix in new[] { "-wal", "-shm", "" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // The next run's clean-up removes it.
            }
        }
    }
}
