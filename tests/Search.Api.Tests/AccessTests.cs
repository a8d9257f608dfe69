using System.Net;
using System.Net.Http.Json;

namespace Search.Api.Tests;

/// <summary>Keys and limits: writes refused without configured keys, reads keyed on request, 429 past the limit.</summary>
public class AccessTests
{
    [Test]
    public async Task With_no_key_configured_every_write_is_refused()
    {
        using var factory = new SearchApiFactory();
        using var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/documents/x") { Content = JsonContent.Create(new { body = "text" }) };
        request.Headers.Add("X-Api-Key", "anything");
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ApiKeys"));
    }

    [Test]
    public async Task Reads_can_be_made_keyed()
    {
        using var factory = new SearchApiFactory(new Dictionary<string, string> { ["ApiKeys:0"] = "reader-key", ["Access:RequireKeyForReads"] = "true" });
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/api/search?q=Oslo")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        client.DefaultRequestHeaders.Add("X-Api-Key", "reader-key");
        Assert.That((await client.GetAsync("/api/search?q=Oslo")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_client_past_its_limit_gets_429_with_retry_after()
    {
        using var factory = new SearchApiFactory(new Dictionary<string, string> { ["Access:ReadsPerMinute"] = "5" });
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.That((await client.GetAsync("/api/search?q=Oslo")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var refused = await client.GetAsync("/api/search?q=Oslo");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(refused.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));

        // Another client (another key) has a budget of its own.
        client.DefaultRequestHeaders.Add("X-Api-Key", "some-other-client");
        Assert.That((await client.GetAsync("/api/search?q=Oslo")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
