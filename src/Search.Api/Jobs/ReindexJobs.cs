using System.Collections.Concurrent;
using Search.Api.Hosting;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Api.Jobs;

/// <summary>
/// Starts reindex runs in the background, one at a time: asking for a run while one is going returns that run.
/// Keeps the recent jobs so that their state can be read back by id.
/// </summary>
internal sealed class ReindexJobs(IndexHost host, IndexSettings settings, WriterGate gate, SearchPaths paths, TimeProvider time, ILogger<ReindexJobs> logger)
{
    private const int Kept = 100;
    private readonly ConcurrentDictionary<string, ReindexJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ReindexJob? _running;

    /// <summary>Starts a run, or returns the one already going (Started is false then).</summary>
    public (ReindexJob Job, bool Started) Start(ReindexMode mode, string trigger)
    {
        ReindexJob job;
        lock (_gate)
        {
            if (_running is { IsRunning: true } running)
            {
                return (running, false);
            }

            job = new ReindexJob(Guid.NewGuid().ToString("N")[..12], mode, trigger, time.GetUtcNow());
            _running = job;
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Values.OrderByDescending(j => j.CreatedAt).Skip(Kept))
            {
                _jobs.TryRemove(old.Id, out _);
            }
        }

        _ = Task.Run(() => Execute(job));
        return (job, true);
    }

    public ReindexJob? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Runs a job to its end on the calling thread; for the startup build and for tests that need a finished run.</summary>
    public void Execute(ReindexJob job)
    {
        job.Started();
        logger.LogInformation("Reindex {Job} ({Mode}, {Trigger}) started.", job.Id, job.Mode, job.Trigger);
        try
        {
            var runner = new ReindexRunner(settings, gate);
            var sources = paths.Sources.Select(s => new FolderSource(s)).ToList();
            var report = runner.Run(host.Directory, sources, job.Mode, host, new Progress(job));
            job.Succeeded(report, time.GetUtcNow());
            logger.LogInformation(
                "Reindex {Job} finished: {Mode}, {Added} added, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged, {Skipped} skipped in {Seconds:0.0} s.",
                job.Id, report.Mode, report.Added, report.Updated, report.Deleted, report.Unchanged, report.Skipped.Count, report.Duration.TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failed run leaves the served index as it was; the job says why.
            job.Failed(e.Message, time.GetUtcNow());
            logger.LogError(e, "Reindex {Job} failed.", job.Id);
        }
    }

    /// <summary>Reports progress straight into the job (no synchronization context to post to).</summary>
    private sealed class Progress(ReindexJob job) : IProgress<ReindexProgress>
    {
        public void Report(ReindexProgress value) => job.Advanced(value);
    }
}
