using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Contracts;

/// <summary>The query string of GET /api/search.</summary>
public sealed record SearchParameters
{
    /// <summary>The query, in the classic Lucene syntax. Empty: every document.</summary>
    [Description("The query in the classic Lucene syntax, e.g. Khamenei \"death commission\" -Oslo. Empty: every document.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Only documents in these languages (fa, en). Repeat for several: they OR together.")]
    [FromQuery(Name = "lang")]
    public string[]? Lang { get; init; }

    [Description("1-based page number.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Description("Hits per page, 1 to 100 (default 10).")]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    [Description("relevance (default), date_desc or date_asc.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }
}
