namespace Search.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json: title, description and the servers' shape.</summary>
internal static class OpenApiRegistration
{
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
                    "field:value, prefix*, fuzzy~, date:[1988-07-01 TO 1988-12-31], figure:>10000.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
