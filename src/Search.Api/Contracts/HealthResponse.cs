namespace Search.Api.Contracts;

/// <summary>
/// Whether the service can answer queries, and from which index generation; how many frequent words have their facet
/// counts made ahead of time, whether that is still going on (the first faceted search of a generation starts it), and
/// why it stopped if it failed (searches then count for themselves).
/// </summary>
public sealed record HealthResponse(string Status, string? Generation, int Documents, int FacetsCountedAhead, bool CountingAhead, string? CountingAheadFailure);
