using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>GET /health: 200 when a generation is served, 503 when there is none to answer from.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Whether the service can answer queries")
            .WithDescription("200 with the served generation and its document count; 503 while there is no index to answer from.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Health(ISearchEngine engine)
    {
        var status = engine.Status();
        var response = new HealthResponse(status.Generation is null ? "no index" : "ok", status.Generation, status.Documents, status.FacetsCountedAhead, status.CountingAhead, status.CountingAheadFailure);
        return status.Generation is null
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
