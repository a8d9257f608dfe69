namespace Search.Core.Indexing;

/// <summary>Progress of a running reindex: documents seen so far, and sources skipped so far.</summary>
public readonly record struct ReindexProgress(int Processed, int Skipped);
