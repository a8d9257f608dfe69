namespace Search.Api.Contracts;

/// <summary>Whether the service can answer queries, and from which index generation.</summary>
public sealed record HealthResponse(string Status, string? Generation, int Documents);
