using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Contracts;
using Search.Core.Indexing;

namespace Search.Api.Tests;

public class AdminEndpointTests
{
    private const string Key = "admin-key";
    private SearchApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _factory = new SearchApiFactory(new Dictionary<string, string> { ["ApiKeys:0"] = Key });
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JobResponse> Finished(HttpResponseMessage started, JobResponse? job = null)
    {
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        job ??= (await started.Content.ReadFromJsonAsync<JobResponse>())!;
        Assert.That(started.Headers.Location!.ToString(), Is.EqualTo($"/api/admin/jobs/{job.Id}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (job.State is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            job = (await _client.GetFromJsonAsync<JobResponse>($"/api/admin/jobs/{job.Id}"))!;
        }

        return job;
    }

    [Test]
    public async Task A_document_deleted_through_the_api_stays_deleted_through_reindexing_until_it_is_written_again()
    {
        // A seed: it comes from a source folder, which the API does not change.
        const string id = "000_bf7e46f90931b774";
        Assert.That((await _client.GetAsync($"/api/documents/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _client.DeleteAsync($"/api/documents/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(File.Exists(Path.Combine(_factory.Sources, id + ".txt")), Is.True);

        foreach (var mode in new[] { "incremental", "full", "incremental" })
        {
            var job = await Finished(await _client.PostAsync($"/api/admin/reindex?mode={mode}", null));
            Assert.That(job.State, Is.EqualTo("succeeded"), job.Error);
            Assert.That(job.Withdrawn, Is.EqualTo(1), $"the {mode} reindex says it left the document out");
            Assert.That((await _client.GetAsync($"/api/documents/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"after a {mode} reindex");
        }

        Assert.That((await _client.DeleteAsync("/api/documents/never-there")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Directory.GetFiles(_factory.DocumentsPath, "never-there*"), Is.Empty, "a delete of nothing withdraws nothing");

        var put = await _client.PutAsJsonAsync($"/api/documents/{id}", new { title = "Written again", body = "The report, sent again through the API, about Evin." });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var rebuilt = await Finished(await _client.PostAsync("/api/admin/reindex?mode=full", null));
        Assert.That(rebuilt.State, Is.EqualTo("succeeded"), rebuilt.Error);
        var document = await _client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{id}");
        Assert.That(document!.Title, Is.EqualTo("Written again"), "written again, it is indexed again, from the API's copy");
    }

    [Test]
    public async Task An_incremental_reindex_picks_up_new_changed_and_removed_files()
    {
        File.WriteAllText(Path.Combine(_factory.Sources, "new.txt"), "A new report about Khavaran.");
        File.Delete(Path.Combine(_factory.Sources, "000_bf7e46f90931b774.txt"));
        File.WriteAllBytes(Path.Combine(_factory.Sources, "bad.txt"), [0, 1, 2]);

        var job = await Finished(await _client.PostAsync("/api/admin/reindex", null));

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Error);
        Assert.That((job.Mode, job.Added, job.Deleted, job.Unchanged), Is.EqualTo(("incremental", 1, 1, 1)));
        Assert.That(job.Skipped.Single().Source, Is.EqualTo("bad.txt"));
        Assert.That(job.DurationSeconds, Is.GreaterThan(0));
        var search = await _client.GetFromJsonAsync<SearchResponse>("/api/search?q=khavaran");
        Assert.That(search!.Hits.Select(h => h.Id), Is.EqualTo(new[] { "new" }));
        Assert.That((await _client.GetFromJsonAsync<SearchResponse>("/api/search?q=Nurizad"))!.Total, Is.Zero);
    }

    [Test]
    public async Task A_full_reindex_writes_a_new_generation_and_a_second_request_gets_the_running_job()
    {
        for (var i = 0; i < 50; i++)
        {
            File.WriteAllText(Path.Combine(_factory.Sources, $"bulk{i:D4}.txt"), $"Bulk report {i} about Evin prison in the summer of 1988.");
        }

        HttpResponseMessage first;
        JobResponse firstJob;
        // Holding the writer gate keeps the rebuild from switching generations: it is surely still running when asked again.
        using (_factory.Services.GetRequiredService<WriterGate>().Enter())
        {
            first = await _client.PostAsync("/api/admin/reindex?mode=full", null);
            firstJob = (await first.Content.ReadFromJsonAsync<JobResponse>())!;
            var second = await _client.PostAsync("/api/admin/reindex?mode=incremental", null);
            var secondJob = (await second.Content.ReadFromJsonAsync<JobResponse>())!;
            Assert.That(secondJob.Id, Is.EqualTo(firstJob.Id), "only one reindex runs at a time");
            Assert.That(secondJob.State, Is.AnyOf("queued", "running"));
        }

        var job = await Finished(first, firstJob);
        Assert.That((job.State, job.Mode, job.Added), Is.EqualTo(("succeeded", "full", 52)));
        var health = await _client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.That(health!.Generation, Is.EqualTo("index-000002.db"));
        Assert.That(health.Documents, Is.EqualTo(52));
    }

    [Test]
    public async Task Reindexing_needs_the_key_and_a_known_mode()
    {
        using var anonymous = _factory.CreateClient();
        Assert.That((await anonymous.PostAsync("/api/admin/reindex", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _client.PostAsync("/api/admin/reindex?mode=sideways", null)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await _client.GetAsync("/api/admin/jobs/nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
