namespace Search.Api.Contracts;

/// <summary>The answer to a PUT: the document as indexed, and whether it replaced one.</summary>
public sealed record DocumentWritten(string Id, string Title, string Language, string? Published, bool Replaced, int Entities);
