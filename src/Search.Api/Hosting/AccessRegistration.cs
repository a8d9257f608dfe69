using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Search.Api.Hosting;

/// <summary>API keys, per-client rate limits (429 with Retry-After) and request size limits.</summary>
internal static class AccessRegistration
{
    public const string ReadPolicy = "reads";
    public const string WritePolicy = "writes";

    /// <summary>A document sent with PUT may be this large; larger bodies are refused before they are read.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section)
            .Validate(o => o.ReadsPerMinute > 0 && o.WritesPerMinute > 0, "Access:ReadsPerMinute and Access:WritesPerMinute must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeys>();
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxBodyBytes;
            // Long queries are answered by the query parser with a 400 that says how long is too long; let them reach it.
            o.Limits.MaxRequestLineSize = 256 * 1024;
            o.Limits.MaxRequestHeadersTotalSize = 300 * 1024;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellation) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: "Too many requests",
                    detail: $"This client has used its requests for now; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(ReadPolicy, http => Window(http, options => options.ReadsPerMinute));
            o.AddPolicy(WritePolicy, http => Window(http, options => options.WritesPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext http, Func<AccessOptions, int> limit)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
        var key = http.Request.Headers[ApiKeys.Header].ToString();
        var client = key.Length > 0 ? ApiKeys.ClientName(key) : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local");
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit(options),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
