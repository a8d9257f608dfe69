using System.Net;
using System.Net.Http.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

public class SuggestAndFacetBrowseTests : ApiTest
{
    [Test]
    public async Task Suggest_completes_entity_names_in_both_scripts_then_words()
    {
        var latin = await Client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=Khom");
        Assert.That(latin![0], Is.EqualTo(new SuggestionResponse("Ruhollah Khomeini", "person", "ruhollah-khomeini", 2)));

        var persian = await Client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=" + Uri.EscapeDataString("خمی"));
        Assert.That(persian!.Select(s => s.Text), Does.Contain("روح الله خمینی"));

        var words = await Client.GetFromJsonAsync<List<SuggestionResponse>>("/api/suggest?q=massa");
        Assert.That(words!, Has.Some.Matches<SuggestionResponse>(s => s.Kind == "term" && s.Text.StartsWith("massacr", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Facet_browse_lists_values_with_counts_and_filters_by_prefix()
    {
        var places = await Client.GetFromJsonAsync<List<FacetCountResponse>>("/api/facets/place");
        Assert.That(places!.Select(p => p.Value), Is.SupersetOf(new[] { "evin-prison", "oslo", "tehran" }));
        var tehran = places!.Single(p => p.Value == "tehran");
        Assert.That(tehran.Count, Is.EqualTo(2));

        var narrowed = await Client.GetFromJsonAsync<List<FacetCountResponse>>("/api/facets/place?prefix=" + Uri.EscapeDataString("اوی"));
        Assert.That(narrowed!.Select(p => p.Value), Is.EqualTo(new[] { "evin-prison" }));
    }

    [Test]
    public async Task An_unknown_dimension_is_a_404()
    {
        Assert.That((await Client.GetAsync("/api/facets/colour")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
