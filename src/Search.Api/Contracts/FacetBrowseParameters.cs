using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Contracts;

/// <summary>The query string of GET /api/facets/{dimension}.</summary>
public sealed record FacetBrowseParameters
{
    [Description("Only values whose value or label (in either script) starts with this.")]
    [FromQuery(Name = "prefix")]
    public string? Prefix { get; init; }

    [Description("How many values, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }
}
