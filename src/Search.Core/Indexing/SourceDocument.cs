namespace Search.Core.Indexing;

/// <summary>A document as read from its source, before analysis: the text exactly as stored, plus its metadata.</summary>
public sealed record SourceDocument
{
    /// <summary>Stable identifier: the file name without extension, or the id of a JSONL record.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? Byline { get; init; }

    /// <summary>ISO date (yyyy-MM-dd, yyyy-MM or yyyy) of publication, when the metadata or a date line states it.</summary>
    public string? Published { get; init; }

    /// <summary>"fa" or "en": from metadata, or the script most of the text is written in.</summary>
    public required string Language { get; init; }

    /// <summary>Where it came from (a path relative to the source root, or file#line for JSONL).</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the source bytes: the incremental reindex compares it.</summary>
    public required string ContentHash { get; init; }
}
