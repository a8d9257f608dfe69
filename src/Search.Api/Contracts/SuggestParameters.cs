using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Contracts;

/// <summary>The query string of GET /api/suggest.</summary>
public sealed record SuggestParameters
{
    [Description("What the user has typed so far, in either script.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("How many completions, 1 to 50 (default 10).")]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }
}
