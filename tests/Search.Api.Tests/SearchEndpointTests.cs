using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

public class SearchEndpointTests : ApiTest
{
    [TestCase("Nurizad", "000_bf7e46f90931b774")]
    [TestCase("Oslo", "004_8f4efd12ef216f65")]
    public async Task A_seed_word_returns_its_seed_first(string query, string id)
    {
        var response = await Client.GetFromJsonAsync<SearchResponse>($"/api/search?q={query}");
        Assert.That(response!.Hits, Is.Not.Empty);
        Assert.That(response.Hits[0].Id, Is.EqualTo(id));
        Assert.That(response.Hits[0].Snippet, Does.Contain($"{query}</mark>"), "the word, or the whole mention of the entity it names, is marked");
        Assert.That(response.Facets["lang"].Single().Count, Is.EqualTo(response.Total));
    }

    [Test]
    public async Task A_query_that_matches_nothing_is_an_empty_list_not_an_error()
    {
        var response = await Client.GetAsync("/api/search?q=qqqzzzxxx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<SearchResponse>();
        Assert.That(body!.Total, Is.Zero);
        Assert.That(body.Hits, Is.Empty);
    }

    [Test]
    public async Task Snippets_escape_the_document_text()
    {
        var body = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=%22Death+Commissions%22");
        var snippet = body!.Hits.Single().Snippet;
        Assert.That(snippet, Does.Contain("&quot;").Or.Contain("&#34;"), "the quote marks around Death Commissions are escaped");
        Assert.That(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), Does.Not.Contain("<"));
    }

    [TestCase("%22unclosed", "never closed")]
    [TestCase("(evin", "Missing ')'")]
    [TestCase("color:red", "Unknown field")]
    [TestCase("figure:[9 TO 1]", "empty")]
    public async Task A_malformed_query_is_a_400_problem_that_says_what_is_wrong(string query, string detail)
    {
        var response = await Client.GetAsync($"/api/search?q={query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(detail));
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
    }

    [TestCase("pageSize=1000", "pageSize")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("sort=sideways", "sort")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string parameters, string name)
    {
        var response = await Client.GetAsync($"/api/search?q=massacre&{parameters}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("parameter").GetString(), Is.EqualTo(name));
    }

    [Test]
    public async Task A_parameter_of_the_wrong_type_is_a_400()
    {
        var response = await Client.GetAsync("/api/search?q=massacre&page=abc");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_lang_filter_narrows_hits_but_not_its_own_counts()
    {
        var all = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=massacre");
        var fa = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=massacre&lang=fa");
        Assert.That(all!.Total, Is.EqualTo(2));
        Assert.That(fa!.Total, Is.Zero, "both seeds are English");
        Assert.That(fa.Facets["lang"].Single().Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Sorting_by_date_puts_dated_documents_first()
    {
        var body = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=massacre&sort=date_desc");
        Assert.That(body!.Hits[0].Published, Is.EqualTo("2016-11-05"));
    }

    [Test]
    public async Task Facet_counts_asked_afresh_equal_the_counts_reused_from_the_same_search()
    {
        var first = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=prison&pageSize=1");
        var again = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=prison&pageSize=1&page=2");
        var afresh = await Client.GetFromJsonAsync<SearchResponse>("/api/search?q=prison&pageSize=1&facetCache=false");
        Assert.That(first!.Facets, Is.Not.Empty);
        foreach (var body in new[] { again!, afresh! })
        {
            Assert.That(body.Total, Is.EqualTo(first.Total));
            Assert.That(body.Facets.Keys, Is.EquivalentTo(first.Facets.Keys));
            foreach (var (dimension, counts) in first.Facets)
            {
                Assert.That(body.Facets[dimension].Select(c => (c.Value, c.Count)), Is.EqualTo(counts.Select(c => (c.Value, c.Count))), dimension);
            }
        }

        Assert.That(again!.Hits.Single().Id, Is.Not.EqualTo(first.Hits.Single().Id), "the second page is another hit");
    }

    [Test]
    public async Task A_facetCache_that_is_not_a_boolean_is_a_400()
    {
        var response = await Client.GetAsync("/api/search?q=prison&facetCache=perhaps");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
