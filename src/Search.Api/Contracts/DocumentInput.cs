using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>The body of PUT /api/documents/{id}: the text and what is known about it.</summary>
public sealed record DocumentInput
{
    [Description("The full text, as it should be stored and shown.")]
    public string? Body { get; init; }

    [Description("The title; when absent, the opening words of the text.")]
    public string? Title { get; init; }

    [Description("Who wrote it.")]
    public string? Byline { get; init; }

    [Description("Date of publication, yyyy-MM-dd.")]
    public string? Published { get; init; }

    [Description("fa or en; when absent, the script most of the text is written in.")]
    public string? Lang { get; init; }
}
