using System.Net;
using System.Net.Http.Json;
using Search.Api.Contracts;

namespace Search.Api.Tests;

/// <summary>Facets by person, place, organization, date and figure over the seeds, and the filters on each.</summary>
public class FacetFilterTests : ApiTest
{
    private const string First = "000_bf7e46f90931b774";
    private const string Second = "004_8f4efd12ef216f65";
    private async Task<SearchResponse> Search(string query) => (await Client.GetFromJsonAsync<SearchResponse>("/api/search?" + query))!;

    [Test]
    public async Task Every_dimension_has_counts()
    {
        var body = await Search("q=massacre&facetSize=100");
        Assert.That(body.Facets.Keys, Is.SupersetOf(new[] { "lang", "person", "place", "org", "date", "date.month", "figure" }));
        Assert.That(body.Facets["person"], Has.Some.Matches<FacetCountResponse>(c => c.Value == "ruhollah-khomeini" && c.Count == 2 && c.LabelFa == "روح الله خمینی"));
        Assert.That(body.Facets["place"], Has.Some.Matches<FacetCountResponse>(c => c.Value == "oslo" && c.Count == 1));
        Assert.That(body.Facets["date"], Has.Some.Matches<FacetCountResponse>(c => c.Value == "1988" && c.Count == 2));
        Assert.That(body.Facets["figure"], Has.Some.Matches<FacetCountResponse>(c => c.Value == "10000-99999" && c.Count == 2));
    }

    [TestCase("person=mostafa-pourmohammadi", Second)]
    [TestCase("person=Pourmohammadi", Second)]
    [TestCase("person=پورمحمدی", Second)]
    [TestCase("place=evin-prison", First)]
    [TestCase("place=Evin", First)]
    [TestCase("org=kayhan", First)]
    [TestCase("dateFrom=2016-08-01&dateTo=2016-08-31", Second)]
    [TestCase("figureMin=100&figureMax=115", Second)]
    public async Task A_filter_narrows_to_the_documents_that_have_the_value(string filter, string id)
    {
        var body = await Search("q=massacre&" + filter);
        Assert.That(body.Hits.Select(h => h.Id), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task Values_of_one_dimension_or_together_and_dimensions_and()
    {
        var either = await Search("person=mohammad-nurizad&person=perviz-khazai");
        Assert.That(either.Total, Is.EqualTo(2));
        var both = await Search("person=mohammad-nurizad&place=oslo");
        Assert.That(both.Total, Is.Zero);
    }

    [Test]
    public async Task A_dimension_counts_as_if_its_own_filter_were_not_set()
    {
        var filtered = await Search("person=mohammad-nurizad&facetSize=200");
        var unfiltered = await Search("facetSize=200");
        Assert.That(filtered.Total, Is.EqualTo(1));
        Assert.That(filtered.Facets["person"], Is.EquivalentTo(unfiltered.Facets["person"]));
        Assert.That(filtered.Facets["place"].Sum(c => c.Count), Is.LessThan(unfiltered.Facets["place"].Sum(c => c.Count)));
    }

    [Test]
    public async Task Hits_carry_their_entities()
    {
        var body = await Search("q=Oslo");
        var entities = body.Hits.Single().Entities;
        Assert.That(entities, Has.Some.Matches<FacetValueResponse>(e => e.Dimension == "person" && e.Value == "hossein-ali-montazeri"));
        Assert.That(entities, Has.Some.Matches<FacetValueResponse>(e => e.Dimension == "figure" && e.Number == 30000));
        Assert.That(entities, Has.None.Matches<FacetValueResponse>(e => e.Dimension == "lang"));
    }

    [Test]
    public async Task A_query_field_reaches_the_entity_in_any_spelling()
    {
        Assert.That((await Search("q=person:Pourmohammadi")).Hits.Select(h => h.Id), Is.EqualTo(new[] { Second }));
        Assert.That((await Search("q=place:اوین")).Hits.Select(h => h.Id), Is.EqualTo(new[] { First }));
        Assert.That((await Search("q=massacre AND date:[2016-08-01 TO 2016-08-31]")).Hits.Select(h => h.Id), Is.EqualTo(new[] { Second }));
        Assert.That((await Search("q=figure:>33500")).Hits.Select(h => h.Id), Is.EqualTo(new[] { First }));
    }

    [Test]
    public async Task A_persian_query_finds_an_english_document_through_the_gazetteer()
    {
        var body = await Search("q=" + Uri.EscapeDataString("خمینی"));
        Assert.That(body.Hits.Select(h => h.Id), Is.EquivalentTo(new[] { First, Second }));
        Assert.That(body.Hits.Select(h => h.Snippet), Has.All.Contain("Khomeini</mark>"), "the English mention is marked");
    }

    [TestCase("dateFrom=1988-13", "dateFrom")]
    [TestCase("dateFrom=2017&dateTo=2016", "dateFrom")]
    [TestCase("figureMin=lots", "figureMin")]
    [TestCase("facetSize=-1", "facetSize")]
    [TestCase("facetSize=201", "facetSize")]
    public async Task A_bad_filter_is_a_400_that_names_it(string filter, string parameter)
    {
        var response = await Client.GetAsync("/api/search?" + filter);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"\"parameter\":\"{parameter}\""));
    }

    [Test]
    public async Task A_document_lists_its_entities_with_offsets_into_its_text()
    {
        var document = (await Client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{Second}"))!;
        Assert.That(document.Entities, Is.Not.Empty);
        foreach (var e in document.Entities)
        {
            Assert.That(document.Text[e.Start..e.End], Is.EqualTo(e.Text));
        }

        var dateLine = document.Entities.First();
        Assert.That((dateLine.Kind, dateLine.Value, dateLine.Calendar, dateLine.SolarHijri), Is.EqualTo(("date", "2016-11-05", "persian", "1395-08-15")));
    }
}
