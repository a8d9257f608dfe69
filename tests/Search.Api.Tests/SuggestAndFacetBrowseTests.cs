using System.Net;
using System.Net.Http.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

public class SuggestAndFacetBrowseTests
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
    public async Task Suggest_completes_entity_names_in_both_scripts_then_words()
    {
        var latin = await _client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=Khom");
        Assert.That(latin![0], Is.EqualTo(new SuggestionResponse("Ruhollah Khomeini", "person", "ruhollah-khomeini", 2)));

        var persian = await _client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=" + Uri.EscapeDataString("خمی"));
        Assert.That(persian!.Select(s => s.Text), Does.Contain("روح الله خمینی"));

        var words = await _client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=massa");
        Assert.That(words!, Has.Some.Matches<SuggestionResponse>(s => s.Kind == "term" && s.Text.StartsWith("massacr", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Facet_browse_lists_values_with_counts_and_filters_by_prefix()
    {
        var places = await _client.GetFromJsonAsync<List<FacetCountResponse>>("/api/facets/place");
        Assert.That(places!.Select(p => p.Value), Is.SupersetOf(new[] { "evin-prison", "oslo", "tehran" }));
        var tehran = places!.Single(p => p.Value == "tehran");
        Assert.That(tehran.Count, Is.EqualTo(2));

        var narrowed = await _client.GetFromJsonAsync<List<FacetCountResponse>>("/api/facets/place?prefix=" + Uri.EscapeDataString("اوی"));
        Assert.That(narrowed!.Select(p => p.Value), Is.EqualTo(new[] { "evin-prison" }));
    }

    [Test]
    public async Task An_unknown_dimension_is_a_404()
    {
        Assert.That((await _client.GetAsync("/api/facets/colour")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
