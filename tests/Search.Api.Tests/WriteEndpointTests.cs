using System.Net;
using System.Net.Http.Json;
using Search.Api.Contracts;
using Search.Tests.Shared;

namespace Search.Api.Tests;

public class WriteEndpointTests
{
    private const string Key = "test-key-0123456789";
    private SearchApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _factory = new SearchApiFactory(new Dictionary<string, string> { ["ApiKeys:0"] = Key });
        _client = _factory.CreateClient();
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private HttpRequestMessage Put(string id, object body, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/documents/{Uri.EscapeDataString(id)}") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private async Task<SearchResponse> Search(string q, string more = "") => (await _client.GetFromJsonAsync<SearchResponse>("/api/search?q=" + Uri.EscapeDataString(q) + more))!;

    [Test]
    public async Task A_put_document_is_searchable_at_once_and_stored_as_a_file()
    {
        var response = await _client.SendAsync(Put("testimony-1", new { title = "Testimony of a survivor", body = "I was held in Gohardasht in the summer of 1988 with 200 other prisoners.", lang = "en" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/api/documents/testimony-1"));

        var hits = await Search("Gohardasht survivor");
        Assert.That(hits.Hits.Select(h => h.Id), Is.EqualTo(new[] { "testimony-1" }));
        Assert.That(hits.Hits[0].Entities, Has.Some.Matches<FacetValueResponse>(e => e.Value == "gohardasht-prison"));
        Assert.That(File.Exists(Path.Combine(_factory.DocumentsPath, "testimony-1.json")), Is.True);
    }

    [Test]
    public async Task A_second_put_replaces_the_document()
    {
        await _client.SendAsync(Put("doc-a", new { body = "first version about Evin" }));
        var second = await _client.SendAsync(Put("doc-a", new { body = "second version about Khavaran" }));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await second.Content.ReadFromJsonAsync<DocumentWritten>())!.Replaced, Is.True);
        Assert.That((await Search("Evin version")).Total, Is.Zero);
        Assert.That((await Search("Khavaran version")).Total, Is.EqualTo(1));
    }

    [Test]
    public async Task A_persian_document_and_id()
    {
        var response = await _client.SendAsync(Put("گزارش-۱", new { body = "در تابستان ۱۳۶۷ بیش از ۳۰٬۰۰۰ زندانی سیاسی اعدام شدند.", lang = "fa" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var document = await _client.GetFromJsonAsync<DocumentResponse>("/api/documents/" + Uri.EscapeDataString("گزارش-۱"));
        Assert.That(document!.Entities.Select(e => e.Kind), Is.SupersetOf(new[] { "date", "figure" }));
        Assert.That((await Search("زندانیان")).Hits.Select(h => h.Id), Does.Contain("گزارش-۱"));
    }

    [Test]
    public async Task Delete_removes_the_document_from_search_and_disk()
    {
        await _client.SendAsync(Put("to-delete", new { body = "a document about Qezel Hesar" }));
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/to-delete");
        request.Headers.Add("X-Api-Key", Key);
        var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Search("Qezel")).Total, Is.Zero);
        Assert.That((await Search("Qezel", "&facetSize=0")).Total, Is.Zero, "without facets too");
        Assert.That((await _client.GetAsync("/api/documents/to-delete")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(File.Exists(Path.Combine(_factory.DocumentsPath, "to-delete.json")), Is.False);

        var again = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/to-delete");
        again.Headers.Add("X-Api-Key", Key);
        Assert.That((await _client.SendAsync(again)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Writes_need_the_key()
    {
        Assert.That((await _client.SendAsync(Put("x", new { body = "text" }, key: null))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _client.SendAsync(Put("x", new { body = "text" }, key: "wrong"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _client.DeleteAsync("/api/documents/000_bf7e46f90931b774")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Search("Nurizad")).Total, Is.EqualTo(1), "nothing was deleted");
    }

    [TestCase("bad/id", "id")]
    [TestCase("..", "id")]
    [TestCase("ok-id", "body")]
    public async Task An_invalid_document_is_a_400_that_names_the_field(string id, string field)
    {
        var response = await _client.SendAsync(Put(id, new { title = "t", body = "" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.NotFound), "a slash in the id may not even route");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"\"{field}\""));
        }
    }

    [Test]
    public async Task A_bad_date_or_language_is_a_400()
    {
        var response = await _client.SendAsync(Put("dated", new { body = "text", published = "yesterday", lang = "de" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("\"published\"").And.Contain("\"lang\""));
    }

    [Test]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/documents/x") { Content = new StringContent("{\"body\": ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key);
        Assert.That((await _client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_write_while_another_process_writes_the_index_is_a_503_that_changes_nothing()
    {
        // A rebuild from the command line holds the directory; the service's writes wait a little, then say so.
        await _client.SendAsync(Put("kept", new { body = "a document about Dizelabad prison" }));
        using (OtherWriterProcess.Hold(_factory.IndexPath))
        {
            var put = await _client.SendAsync(Put("refused", new { body = "a document about Vakilabad" }));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(put.Headers.RetryAfter, Is.Not.Null);
            Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("Another process is writing"));
            var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/kept");
            delete.Headers.Add("X-Api-Key", Key);
            Assert.That((await _client.SendAsync(delete)).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

            Assert.That(File.Exists(Path.Combine(_factory.DocumentsPath, "refused.json")), Is.False, "the file is not written either");
            Assert.That(File.Exists(Path.Combine(_factory.DocumentsPath, "kept.json")), Is.True, "nor deleted");
            Assert.That((await Search("Vakilabad")).Total, Is.Zero);
            Assert.That((await Search("Dizelabad")).Total, Is.EqualTo(1));
        }

        Assert.That((await _client.SendAsync(Put("refused", new { body = "a document about Vakilabad" }))).StatusCode, Is.EqualTo(HttpStatusCode.Created), "sent again, it goes through");
        Assert.That((await Search("Vakilabad")).Total, Is.EqualTo(1));
    }
}
