using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

/// <summary>What a new user meets: the index built on first start, health, the page, the API description.</summary>
public class ServiceSurfaceTests : ApiTest
{
    [Test]
    public async Task The_first_start_builds_an_index_from_the_sources_and_reports_healthy()
    {
        var health = await Client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.That(health!.Status, Is.EqualTo("ok"));
        Assert.That(health.Documents, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(Factory.IndexPath, "CURRENT")), Is.True);
        Assert.That(File.Exists(Path.Combine(Factory.IndexPath, health.Generation!)), Is.True);
    }

    [Test]
    public async Task Health_says_when_the_facets_of_frequent_words_are_counted_ahead()
    {
        (await Client.GetAsync("/api/search?q=evin")).EnsureSuccessStatusCode();
        var health = await Client.GetFromJsonAsync<HealthResponse>("/health");
        for (var i = 0; i < 100 && health!.CountingAhead; i++)
        {
            await Task.Delay(100);
            health = await Client.GetFromJsonAsync<HealthResponse>("/health");
        }

        Assert.That(health!.CountingAhead, Is.False, "the count is done within seconds for two documents");
        Assert.That(health.FacetsCountedAhead, Is.Zero, "no word of two documents is in a hundred of them");
        Assert.That(health.CountingAheadFailure, Is.Null);
    }

    [Test]
    public async Task The_search_page_is_served_at_the_root()
    {
        var response = await Client.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<form id=\"search-form\""));
        Assert.That((await Client.GetAsync("/app.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/documents/{id}", "/health" })
        {
            Assert.That(paths.TryGetProperty(path, out _), Is.True, path);
        }

        var parameters = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.That(parameters, Is.SupersetOf(new[] { "q", "lang", "page", "pageSize", "sort" }));
    }

    [Test]
    public async Task The_openapi_document_passes_a_real_validator()
    {
        var document = Path.Combine(Factory.Folder, "openapi.json");
        await File.WriteAllTextAsync(document, await Client.GetStringAsync("/openapi/v1.json"));
        var validator = Path.Combine(RepositoryPaths.Root, "tests", "openapi");
        if (!Directory.Exists(Path.Combine(validator, "node_modules")))
        {
            // npm fetches @apidevtools/swagger-parser on first use; later runs reuse it.
            var (installed, installOutput) = Run("npm", $"ci --silent --no-audit --no-fund --prefix \"{validator}\"");
            Assert.That(installed, Is.Zero, installOutput);
        }

        var (exit, output) = Run("node", $"\"{Path.Combine(validator, "validate.mjs")}\" \"{document}\"");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.StartWith("valid:"));
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(120_000), Is.True, $"{program} {arguments} did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }

    [Test]
    public async Task The_openapi_document_marks_writes_as_keyed_and_documents_errors()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        Assert.That(root.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _), Is.True);
        var put = root.GetProperty("paths").GetProperty("/api/documents/{id}").GetProperty("put");
        Assert.That(put.GetProperty("security").GetArrayLength(), Is.EqualTo(1));
        var responses = put.GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.That(responses, Is.SupersetOf(new[] { "200", "201", "400", "401", "403", "429" }));
        var search = root.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        Assert.That(search.GetProperty("parameters").EnumerateArray().All(p => p.TryGetProperty("example", out _)), Is.True, "every search parameter has an example");
    }

    [Test]
    public async Task Swagger_ui_is_served()
    {
        var response = await Client.GetAsync("/swagger/index.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
