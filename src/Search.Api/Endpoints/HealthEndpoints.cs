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
            .WithSummary("Whether the service can answer queries");
        return app;
    }

    internal static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Health(ISearchEngine engine)
    {
        var status = engine.Status();
        var response = new HealthResponse(status.Generation is null ? "no index" : "ok", status.Generation, status.Documents);
        return status.Generation is null
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
