namespace Search.Api.Contracts;

/// <summary>A reindex job: its state (queued, running, succeeded, failed), progress, counts, skipped sources and duration.</summary>
public sealed record JobResponse(
    string Id,
    string Mode,
    string Trigger,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    int Processed,
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    IReadOnlyList<SkippedResponse> Skipped,
    string? Generation,
    string? Error);

public sealed record SkippedResponse(string Source, string Reason);
