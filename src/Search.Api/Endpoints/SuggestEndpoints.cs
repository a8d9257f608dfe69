using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>GET /api/suggest: completions for a search box, entity names in both scripts first, then words.</summary>
internal static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggest(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suggest").WithTags("Search")
            .RequireRateLimiting(AccessRegistration.ReadPolicy)
            .RequireApiKeyForReadsIfConfigured();
        group.MapGet("/", Suggest)
            .WithName("Suggest")
            .WithSummary("Complete what the user is typing")
            .WithDescription("Persons, places and organizations whose names (in either script) start with the text, then indexed words that do.");
        return app;
    }

    internal static Results<Ok<IReadOnlyList<SuggestionResponse>>, ProblemHttpResult> Suggest([AsParameters] SuggestParameters parameters, ISearchEngine engine)
    {
        var limit = parameters.Limit ?? 10;
        if (limit is < 1 or > 50)
        {
            return Problems.BadParameter("limit must be between 1 and 50.", "limit");
        }

        if (parameters.Q is { Length: > 200 })
        {
            return Problems.BadParameter("q is longer than 200 characters.", "q");
        }

        IReadOnlyList<SuggestionResponse> suggestions = [.. engine.Suggest(parameters.Q ?? "", limit).Select(s => new SuggestionResponse(s.Text, s.Kind, s.Value, s.Count))];
        return TypedResults.Ok(suggestions);
    }
}
