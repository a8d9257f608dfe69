using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>GET /api/search: full-text search with facet counts.</summary>
internal static class SearchEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search");
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

        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (parameters.Lang is { Length: > 0 } lang)
        {
            filters["lang"] = [.. lang.Select(l => l.Trim().ToLowerInvariant())];
        }

        SearchResults results;
        try
        {
            results = engine.Search(new SearchQuery
            {
                Text = parameters.Q,
                Filters = filters,
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
            [.. h.Snippet.Marks.Select(m => new SpanResponse(m.Start, m.End))])).ToList();
        var facets = results.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetCountResponse>)[.. f.Value.Select(c => new FacetCountResponse(c.Value, c.Label, c.Count))]);
        return TypedResults.Ok(new SearchResponse(parameters.Q ?? "", results.Total, page, pageSize, Math.Round(clock.Elapsed.TotalMilliseconds, 2), hits, facets));
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

    private static ProblemHttpResult BadRequest(string detail, string parameter) =>
        TypedResults.Problem(
            title: "A parameter is not valid",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
