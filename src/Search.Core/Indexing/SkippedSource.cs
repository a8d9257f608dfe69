namespace Search.Core.Indexing;

/// <summary>
/// A source file (or JSONL line) that was not indexed, and why: one bad file never stops a run. The id it would
/// have had, when known, keeps an incremental run from deleting what was indexed of it before it broke.
/// </summary>
public sealed record SkippedSource(string Source, string Reason, string? DocumentId = null);
