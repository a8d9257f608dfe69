using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>GET /api/search: full-text search with facet counts.</summary>
internal static class SearchEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search")
            .RequireRateLimiting(AccessRegistration.ReadPolicy)
            .RequireApiKeyForReadsIfConfigured();
        group.MapGet("/", Search)
            .WithName("Search")
            .WithSummary("Search the documents")
            .WithDescription("Full-text search in Persian and English with facet counts. A malformed query is a 400 whose detail says what is wrong and where.");
        return app;
    }

    internal static Results<Ok<SearchResponse>, ProblemHttpResult> Search([AsParameters] SearchParameters parameters, ISearchEngine engine)
    {
        var clock = Stopwatch.StartNew();
        var page = parameters.Page ?? 1;
        var pageSize = parameters.PageSize ?? 10;
        if (page < 1 || page > 10_000)
        {
            return BadRequest("page must be between 1 and 10000.", "page");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return BadRequest($"pageSize must be between 1 and {MaxPageSize}.", "pageSize");
        }

        if (!TryParseSort(parameters.Sort, out var sort))
        {
            return BadRequest($"sort '{parameters.Sort}' is not one of relevance, date_desc, date_asc.", "sort");
        }

        var facetSize = parameters.FacetSize ?? 20;
        if (facetSize is < 0 or > 200)
        {
            return BadRequest("facetSize must be between 0 (no facet counts) and 200.", "facetSize");
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (dimension, values) in new[] { ("lang", parameters.Lang), ("person", parameters.Person), ("place", parameters.Place), ("org", parameters.Org) })
        {
            if (values is { Length: > 0 })
            {
                filters[dimension] = [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => dimension == "lang" ? v.Trim().ToLowerInvariant() : v.Trim())];
            }
        }

        var ranges = new List<RangeFilter>();
        try
        {
            if (parameters.DateFrom is not null || parameters.DateTo is not null)
            {
                ranges.Add(Checked(new RangeFilter(
                    "date",
                    parameters.DateFrom is null ? null : Bound(parameters.DateFrom, "dateFrom", d => QueryCompiler.DateBound(d, upper: false)),
                    parameters.DateTo is null ? null : Bound(parameters.DateTo, "dateTo", d => QueryCompiler.DateBound(d, upper: true))), "dateFrom"));
            }

            if (parameters.FigureMin is not null || parameters.FigureMax is not null)
            {
                ranges.Add(Checked(new RangeFilter(
                    "figure",
                    parameters.FigureMin is null ? null : Bound(parameters.FigureMin, "figureMin", QueryCompiler.Number),
                    parameters.FigureMax is null ? null : Bound(parameters.FigureMax, "figureMax", QueryCompiler.Number)), "figureMin"));
            }
        }
        catch (ParameterException e)
        {
            return BadRequest(e.Message, e.Parameter);
        }

        SearchResults results;
        try
        {
            results = engine.Search(new SearchQuery
            {
                Text = parameters.Q,
                Filters = filters,
                Ranges = ranges,
                FacetLimit = facetSize,
                Facets = facetSize > 0,
                ReuseFacetCounts = parameters.FacetCache ?? true,
                UseFrequentWordCounts = parameters.FacetCache ?? true,
                Sort = sort,
                Offset = (page - 1) * pageSize,
                Limit = pageSize,
            });
        }
        catch (QueryParseException e)
        {
            return TypedResults.Problem(
                title: "The query is not valid",
                detail: e.Message,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["position"] = e.Position, ["parameter"] = "q" });
        }

        var hits = results.Hits.Select(h => new HitResponse(
            h.Id, h.Title, h.Language, h.Published, h.Score,
            SnippetHtml.Render(h.Snippet), h.Snippet.Text,
            [.. h.Snippet.Marks.Select(m => new SpanResponse(m.Start, m.End))],
            [.. h.Entities.Select(Contract.Of)])).ToList();
        var facets = results.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetCountResponse>)[.. f.Value.Select(c => new FacetCountResponse(c.Value, c.Label, c.Count, c.LabelFa))]);
        return TypedResults.Ok(new SearchResponse(parameters.Q ?? "", results.Total, page, pageSize, Math.Round(clock.Elapsed.TotalMilliseconds, 2), hits, facets));
    }

    private static double Bound(string text, string parameter, Func<string, double> parse)
    {
        try
        {
            return parse(text);
        }
        catch (QueryParseException e)
        {
            throw new ParameterException(parameter, $"{parameter}: {e.Message}");
        }
    }

    private static RangeFilter Checked(RangeFilter range, string parameter) =>
        range.Low is not null && range.High is not null && range.Low > range.High
            ? throw new ParameterException(parameter, $"The {range.Dimension} range is empty: its low end is above its high end.")
            : range;

    private sealed class ParameterException(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }

    private static bool TryParseSort(string? text, out SearchSort sort)
    {
        sort = (text ?? "relevance").Trim().ToLowerInvariant() switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "date_desc" or "date" => SearchSort.DateDescending,
            "date_asc" => SearchSort.DateAscending,
            _ => (SearchSort)(-1),
        };
        return Enum.IsDefined(sort);
    }

    private static ProblemHttpResult BadRequest(string detail, string parameter) => Problems.BadParameter(detail, parameter);
}
