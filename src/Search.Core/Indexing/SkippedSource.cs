namespace Search.Core.Indexing;

/// <summary>A source file that was not indexed, and why: one bad file never stops a run.</summary>
public sealed record SkippedSource(string Source, string Reason);
