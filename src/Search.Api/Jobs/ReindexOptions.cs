namespace Search.Api.Jobs;

/// <summary>The "Reindex" section: when the service reindexes by itself, and how.</summary>
public sealed class ReindexOptions
{
    public const string Section = "Reindex";

    /// <summary>A five-field cron expression in UTC ("0 3 * * *": every day at 03:00); empty for no schedule.</summary>
    public string? Schedule { get; set; }

    /// <summary>Incremental (the default) or Full.</summary>
    public Search.Core.Indexing.ReindexMode Mode { get; set; } = Search.Core.Indexing.ReindexMode.Incremental;
}
