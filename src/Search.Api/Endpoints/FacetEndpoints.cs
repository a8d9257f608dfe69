using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>GET /api/facets/{dimension}: browse the values of a dimension over the whole collection.</summary>
internal static class FacetEndpoints
{
    public static IEndpointRouteBuilder MapFacets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/facets").WithTags("Facets")
            .RequireRateLimiting(AccessRegistration.ReadPolicy)
            .RequireApiKeyForReadsIfConfigured();
        group.MapGet("/{dimension}", Browse)
            .WithName("BrowseFacet")
            .WithSummary("The values of one dimension, with counts")
            .WithDescription("Dimensions: person, place, org, lang, date (by year), date.month, figure (by order of magnitude). A prefix narrows to values or labels, in either script, that start with it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Results<Ok<IReadOnlyList<FacetCountResponse>>, ProblemHttpResult> Browse(string dimension, [AsParameters] FacetBrowseParameters parameters, ISearchEngine engine)
    {
        var limit = parameters.Limit ?? 100;
        if (limit is < 1 or > 1000)
        {
            return Problems.BadParameter("limit must be between 1 and 1000.", "limit");
        }

        var counts = engine.BrowseFacet(dimension, parameters.Prefix, limit);
        if (counts is null)
        {
            return TypedResults.Problem(title: "No such dimension", detail: $"'{dimension}' is not a facet dimension. Dimensions: person, place, org, lang, date, date.month, figure.", statusCode: StatusCodes.Status404NotFound);
        }

        IReadOnlyList<FacetCountResponse> response = [.. counts.Select(c => new FacetCountResponse(c.Value, c.Label, c.Count, c.LabelFa))];
        return TypedResults.Ok(response);
    }
}
