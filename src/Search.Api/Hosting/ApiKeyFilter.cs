using Microsoft.Extensions.Options;

namespace Search.Api.Hosting;

/// <summary>
/// Requires a valid X-Api-Key on the endpoints it guards. Writes are always guarded, and refused outright while no
/// key is configured; reads only when Access:RequireKeyForReads is set.
/// </summary>
internal sealed class ApiKeyFilter(ApiKeys keys, IOptions<AccessOptions> options, bool forWrites) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!forWrites && !options.Value.RequireKeyForReads)
        {
            return await next(context);
        }

        if (!keys.AnyConfigured)
        {
            return TypedResults.Problem(
                title: "Writes are disabled",
                detail: "No API key is configured on this service, so write and admin requests are refused. Set one with the ApiKeys setting (ApiKeys__0=... in the environment).",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (!keys.IsValid(context.HttpContext.Request.Headers[ApiKeys.Header]))
        {
            return TypedResults.Problem(
                title: "An API key is required",
                detail: $"Send a valid key in the {ApiKeys.Header} header.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}

/// <summary>Attaches <see cref="ApiKeyFilter"/> to a route group.</summary>
internal static class ApiKeyFilterExtensions
{
    public static RouteGroupBuilder RequireApiKeyForWrites(this RouteGroupBuilder group) =>
        group.AddEndpointFilterFactory((factory, next) => Filter(factory, next, forWrites: true));

    public static RouteGroupBuilder RequireApiKeyForReadsIfConfigured(this RouteGroupBuilder group) =>
        group.AddEndpointFilterFactory((factory, next) => Filter(factory, next, forWrites: false));

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next, bool forWrites)
    {
        var services = factory.ApplicationServices;
        var filter = new ApiKeyFilter(services.GetRequiredService<ApiKeys>(), services.GetRequiredService<IOptions<AccessOptions>>(), forWrites);
        return context => filter.InvokeAsync(context, next);
    }
}
