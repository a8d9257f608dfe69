using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Search.Api.Contracts;

/// <summary>The query string of GET /api/search.</summary>
public sealed record SearchParameters
{
    [Description("The query in the classic Lucene syntax, e.g. Khamenei \"death commission\" -Oslo. Empty: every document.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Only documents in these languages (fa, en). Repeat for several: they OR together.")]
    [FromQuery(Name = "lang")]
    public string[]? Lang { get; init; }

    [Description("Only documents that name this person: a gazetteer id (ali-khamenei), an alias in either script, or a discovered name. Repeat to OR.")]
    [FromQuery(Name = "person")]
    public string[]? Person { get; init; }

    [Description("Only documents that name this place (evin-prison, Evin, اوین). Repeat to OR.")]
    [FromQuery(Name = "place")]
    public string[]? Place { get; init; }

    [Description("Only documents that name this organization (ncri, PMOI, سپاه پاسداران). Repeat to OR.")]
    [FromQuery(Name = "org")]
    public string[]? Org { get; init; }

    [Description("Only documents with a date (published or mentioned) on or after this day: yyyy, yyyy-MM or yyyy-MM-dd.")]
    [FromQuery(Name = "dateFrom")]
    public string? DateFrom { get; init; }

    [Description("Only documents with a date on or before this day: yyyy, yyyy-MM or yyyy-MM-dd.")]
    [FromQuery(Name = "dateTo")]
    public string? DateTo { get; init; }

    [Description("Only documents that state a figure of at least this number (digits of any script).")]
    [FromQuery(Name = "figureMin")]
    public string? FigureMin { get; init; }

    [Description("Only documents that state a figure of at most this number.")]
    [FromQuery(Name = "figureMax")]
    public string? FigureMax { get; init; }

    [Description("1-based page number.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Description("Hits per page, 1 to 100 (default 10).")]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    [Description("relevance (default), date_desc or date_asc.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [Description("Values per facet dimension, 0 to 200 (default 20); 0 skips counting facets, for callers that show none.")]
    [FromQuery(Name = "facetSize")]
    public int? FacetSize { get; init; }

    [Description("true (default): the facet counts may be those of the same query and filters asked before, which are the same counts; false counts them afresh, not taking those counted ahead of time for frequent words either (for measuring).")]
    [FromQuery(Name = "facetCache")]
    public bool? FacetCache { get; init; }
}
