using System.Net;
using System.Net.Http.Json;

namespace Search.Api.Tests.Browser;

/// <summary>An acknowledged write survives SIGKILL of the real service process; limits hold over real HTTP.</summary>
[NonParallelizable]
public class DurabilityTests
{
    [Test]
    public async Task A_document_acknowledged_before_a_kill_is_there_after_a_restart()
    {
        const string key = "durability-key";
        // The first process owns the folder: disposing it at the end deletes the folder, after the second is done.
        using var first = new ServiceProcess(apiKey: key);
        using (var http = new HttpClient())
        {
            var request = new HttpRequestMessage(HttpMethod.Put, first.BaseUrl + "/api/documents/acknowledged")
            {
                Content = JsonContent.Create(new { body = "Acknowledged just before the crash: testimony about Qezel Hesar." }),
            };
            request.Headers.Add("X-Api-Key", key);
            Assert.That((await http.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        first.Kill();

        using var second = new ServiceProcess(first.Folder, key);
        using var client = new HttpClient();
        Assert.That((await client.GetAsync(second.BaseUrl + "/api/documents/acknowledged")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await client.GetStringAsync(second.BaseUrl + "/api/search?q=qezel");
        Assert.That(body, Does.Contain("\"id\":\"acknowledged\""));
    }

    [Test]
    public async Task A_hundred_kilobyte_query_over_real_http_is_a_400_problem()
    {
        using var service = new ServiceProcess();
        using var client = new HttpClient();
        var response = await client.GetAsync(service.BaseUrl + "/api/search?q=" + new string('a', 100_000));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("limit"));
    }
}
