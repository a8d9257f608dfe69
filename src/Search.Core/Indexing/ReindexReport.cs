namespace Search.Core.Indexing;

/// <summary>What a reindex run did: counts, skipped sources with their reasons, the generation it published.</summary>
public sealed record ReindexReport(
    string Mode,
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    IReadOnlyList<SkippedSource> Skipped,
    string? Generation,
    TimeSpan Duration);
