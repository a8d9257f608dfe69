using Search.Core.Indexing;

namespace Search.Api.Jobs;

/// <summary>One reindex run: what started it, how far it is, and how it ended. Updated by the run, read by the API.</summary>
internal sealed class ReindexJob(string id, ReindexMode mode, string trigger, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public ReindexMode Mode { get; } = mode;

    /// <summary>api, schedule or startup.</summary>
    public string Trigger { get; } = trigger;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string State { get; private set; } = "queued";

    public DateTimeOffset? FinishedAt { get; private set; }

    public ReindexProgress Progress { get; private set; }

    public ReindexReport? Report { get; private set; }

    public string? Error { get; private set; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return State is "queued" or "running";
            }
        }
    }

    public void Started()
    {
        lock (_gate)
        {
            State = "running";
        }
    }

    public void Advanced(ReindexProgress progress)
    {
        lock (_gate)
        {
            Progress = progress;
        }
    }

    public void Succeeded(ReindexReport report, DateTimeOffset at)
    {
        lock (_gate)
        {
            Report = report;
            Progress = new ReindexProgress(report.Added + report.Updated + report.Unchanged, report.Skipped.Count);
            State = "succeeded";
            FinishedAt = at;
        }
    }

    public void Failed(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            Error = error;
            State = "failed";
            FinishedAt = at;
        }
    }
}
