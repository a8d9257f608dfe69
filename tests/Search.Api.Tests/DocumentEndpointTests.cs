using System.Net;
using System.Net.Http.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

public class DocumentEndpointTests : ApiTest
{
    [Test]
    public async Task A_document_comes_with_its_full_original_text()
    {
        var document = await Client.GetFromJsonAsync<DocumentResponse>("/api/documents/004_8f4efd12ef216f65");
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, "004_8f4efd12ef216f65.txt"));
        Assert.That(document!.Text, Is.EqualTo(original));
        Assert.That(document.Published, Is.EqualTo("2016-11-05"));
        Assert.That(document.Facets, Has.Some.Matches<FacetValueResponse>(f => f.Dimension == "lang" && f.Value == "en"));
    }

    [Test]
    public async Task An_unknown_document_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/documents/no-such-document");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
