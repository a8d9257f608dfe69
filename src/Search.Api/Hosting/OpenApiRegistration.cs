using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Search.Api.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: title and description, the API-key security scheme on the endpoints
/// that need it, the error responses every endpoint can give (400, 401, 403, 404, 429 as problem details), and
/// examples for the parameters and the document body.
/// </summary>
internal static class OpenApiRegistration
{
    public const string SecuritySchemeName = "ApiKey";

    private static readonly Dictionary<string, JsonNode> ParameterExamples = new(StringComparer.Ordinal)
    {
        ["q"] = "Khamenei \"death commission\" -Oslo",
        ["lang"] = "fa",
        ["person"] = "mostafa-pourmohammadi",
        ["place"] = "evin-prison",
        ["org"] = "ncri",
        ["dateFrom"] = "1988-07-01",
        ["dateTo"] = "1988-12-31",
        ["figureMin"] = "30000",
        ["figureMax"] = "35000",
        ["page"] = 1,
        ["pageSize"] = 10,
        ["sort"] = "relevance",
        ["facetSize"] = 20,
        ["facetCache"] = true,
        ["id"] = "004_8f4efd12ef216f65",
        ["dimension"] = "person",
        ["prefix"] = "Kh",
        ["limit"] = 10,
    };

    /// <summary>Persian text in responses as itself, not as \u escapes: the responses are JSON, never embedded in HTML.</summary>
    public static IServiceCollection UseReadableJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public static IServiceCollection AddSearchOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Human-rights documentation search";
                document.Info.Version = "v1";
                document.Info.Description =
                    "Full-text search over Persian and English reports, testimonies and news, with facets by person, " +
                    "place, date and figure. Queries use the classic Lucene syntax: words, \"phrases\", AND OR NOT, + and -, " +
                    "field:value, prefix*, fuzzy~, date:[1988-07-01 TO 1988-12-31], figure:>10000. Errors are problem " +
                    "details (RFC 9457) that say what is wrong and where.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.Header,
                    Description = "A key from the service's ApiKeys setting. Required for writes; for reads only when Access:RequireKeyForReads is set.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                foreach (var parameter in operation.Parameters ?? [])
                {
                    if (parameter is OpenApiParameter concrete && concrete.Name is { } name && ParameterExamples.TryGetValue(name, out var example))
                    {
                        concrete.Example = example.DeepClone();
                    }
                }

                var method = context.Description.HttpMethod;
                var writes = method is "PUT" or "DELETE" or "POST";
                operation.Responses ??= [];
                AddProblem(operation, "400", "The request is not valid: the problem's detail says what is wrong and where.");
                AddProblem(operation, "429", "Too many requests from this client; the Retry-After header says when to try again.");
                if (writes)
                {
                    AddProblem(operation, "401", "No valid key in the X-Api-Key header.");
                    AddProblem(operation, "403", "Writes are disabled: no API key is configured on the service.");
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] }];
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName == "PutDocument"
                    && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType body)
                {
                    body.Example = new JsonObject
                    {
                        ["title"] = "Testimony of a former prisoner",
                        ["body"] = "در تابستان ۱۳۶۷ بیش از ۳۰٬۰۰۰ زندانی سیاسی در زندان‌های اوین و گوهردشت اعدام شدند.",
                        ["published"] = "2016-08-28",
                        ["lang"] = "fa",
                    };
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Example = new JsonObject
                    {
                        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                        ["title"] = "The query is not valid",
                        ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                        ["detail"] = "The quote at 0 is never closed.",
                    },
                },
            },
        };
    }
}
