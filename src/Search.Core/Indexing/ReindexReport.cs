namespace Search.Core.Indexing;

/// <summary>
/// What a reindex run did: counts, skipped sources with their reasons, the generation it published, and how many
/// documents of the sources it left out as withdrawn (deleted through the API, see <see cref="FolderSource.Withdrawn"/>).
/// </summary>
public sealed record ReindexReport(
    string Mode,
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    IReadOnlyList<SkippedSource> Skipped,
    string? Generation,
    TimeSpan Duration,
    int Withdrawn = 0);
