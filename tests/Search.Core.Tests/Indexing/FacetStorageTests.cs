using Microsoft.Data.Sqlite;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// Facet values are stored once each (facet_values) and named by id from each document's row: writes into an
/// existing generation must reuse the ids it holds, and a value only deleted documents named must not be shown.
/// </summary>
public class FacetStorageTests
{
    [Test]
    public void Later_writes_reuse_the_stored_values_and_values_of_deleted_documents_are_not_counted()
    {
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["a.txt"] = "A report from Tehran and Mashhad.",
            ["b.txt"] = "Another report from Tehran.",
        });
        var path = index.Directory.CurrentGeneration()!;
        var analysis = new DocumentAnalysis(Analyzers.Settings, extractEntities: true);
        using (var writer = IndexWriter.Open(path))
        {
            writer.Add(analysis.Analyze(TextFileReader.FromText("c", "Witnesses in Tehran and Shiraz.", "c.txt", "c")));
            writer.Delete("a");
            writer.Commit();
        }

        using var search = SearchIndex.Open(path);
        var places = search.Search(new SearchRequest { Query = CompiledQuery.All, Limit = 10, CountFacets = true }, null).Facets["place"];

        Assert.That(places.ToDictionary(p => p.Value, p => p.Count), Is.EqualTo(new Dictionary<string, int> { ["tehran"] = 2, ["shiraz"] = 1 }),
            "b and c name Tehran; Mashhad was named only by the deleted document");
        using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM facet_values WHERE dim = 'place' AND value = 'tehran'";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(1L), "one stored value, whichever write named it");
        Assert.That(search.GetDocument("c")!.Facets.Where(f => f.Dimension == "place").Select(f => f.Value), Is.EquivalentTo(new[] { "tehran", "shiraz" }));
    }
}
