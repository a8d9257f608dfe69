namespace Search.Api.Contracts;

/// <summary>
/// A reindex job: its state (queued, running, succeeded, failed), progress, counts (withdrawn: documents of the sources
/// left out because they were deleted through the API), skipped sources and duration.
/// </summary>
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
    int Withdrawn,
    IReadOnlyList<SkippedResponse> Skipped,
    string? Generation,
    string? Error);

public sealed record SkippedResponse(string Source, string Reason);
