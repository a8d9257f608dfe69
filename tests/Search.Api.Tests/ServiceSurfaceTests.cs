using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

/// <summary>What a new user meets: the index built on first start, health, the page, the API description.</summary>
public class ServiceSurfaceTests
{
    private SearchApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new SearchApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task The_first_start_builds_an_index_from_the_sources_and_reports_healthy()
    {
        var health = await _client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.That(health!.Status, Is.EqualTo("ok"));
        Assert.That(health.Documents, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(_factory.IndexPath, "CURRENT")), Is.True);
        Assert.That(File.Exists(Path.Combine(_factory.IndexPath, health.Generation!)), Is.True);
    }

    [Test]
    public async Task The_search_page_is_served_at_the_root()
    {
        var response = await _client.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<form id=\"search-form\""));
        Assert.That((await _client.GetAsync("/app.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/documents/{id}", "/health" })
        {
            Assert.That(paths.TryGetProperty(path, out _), Is.True, path);
        }

        var parameters = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.That(parameters, Is.SupersetOf(new[] { "q", "lang", "page", "pageSize", "sort" }));
    }

    [Test]
    public async Task Swagger_ui_is_served()
    {
        var response = await _client.GetAsync("/swagger/index.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
