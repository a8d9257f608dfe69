using System.Net.Http.Json;
using Search.Api.Contracts;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Api.Tests;

/// <summary>
/// A reindex from the command line beside the running service: it publishes a generation the service did not build,
/// and the service serves it within a few of its watch intervals, then deletes the one it served once drained; or it
/// commits into the served generation in place (an incremental run), and the service serves that once the other
/// process is done writing.
/// </summary>
public class PublishedGenerationTests
{
    [Test]
    public async Task A_generation_another_writer_publishes_is_served_and_the_old_one_deleted()
    {
        using var factory = new SearchApiFactory(new Dictionary<string, string> { ["Search:WatchSeconds"] = "0.1" });
        using var client = factory.CreateClient();
        Assert.That((await Search(client, "Kahrizak")).Total, Is.Zero, "not in the seeds");
        var directory = new IndexDirectory(factory.IndexPath);
        var served = directory.CurrentGeneration();

        // The command line's run: its own runner, no host, the same sources and one new document.
        File.WriteAllText(Path.Combine(factory.Sources, "kahrizak.txt"), "A testimony about the Kahrizak detention centre.");
        var settings = IndexSettings.Load(ConfigDirectory.Resolve(RepositoryPaths.Config));
        new ReindexRunner(settings).Run(directory, [new FolderSource(factory.Sources)], ReindexMode.Full);
        Assert.That(directory.CurrentGeneration(), Is.Not.EqualTo(served));

        var found = await Eventually(async () => (await Search(client, "Kahrizak")).Total == 1);
        Assert.That(found, Is.True, "the published generation is served");
        Assert.That((await Search(client, "prison")).Total, Is.EqualTo(2), "the seeds are in it too");
        Assert.That(await Eventually(() => Task.FromResult(!File.Exists(served))), Is.True, "the old generation is deleted once drained");
    }

    [Test]
    public async Task Changes_another_process_commits_into_the_served_generation_are_served_once_it_is_done()
    {
        using var factory = new SearchApiFactory(new Dictionary<string, string> { ["Search:WatchSeconds"] = "0.1" });
        using var client = factory.CreateClient();
        Assert.That((await Search(client, "Kahrizak")).Total, Is.Zero, "not in the seeds");
        var served = new IndexDirectory(factory.IndexPath).CurrentGeneration()!;

        // The other process holds the directory and commits a document into the served file, as an incremental run does.
        using (OtherWriterProcess.Hold(factory.IndexPath))
        {
            var settings = IndexSettings.Load(ConfigDirectory.Resolve(RepositoryPaths.Config));
            var document = new SourceDocument
            {
                Id = "kahrizak", Title = "Kahrizak", Body = "A testimony about the Kahrizak detention centre.", Language = "en", Source = "cli", ContentHash = "k1",
            };
            using (var writer = IndexWriter.Open(served))
            {
                writer.Add(new DocumentAnalysis(settings).Analyze(document));
                writer.Commit();
            }

            await Task.Delay(1000); // ten watch intervals
            Assert.That((await Search(client, "Kahrizak")).Total, Is.Zero, "not loaded while the other process still writes");
        }

        Assert.That(await Eventually(async () => (await Search(client, "Kahrizak")).Total == 1), Is.True, "served once it is done");
        Assert.That((await Search(client, "prison")).Total, Is.EqualTo(2), "the seeds are still there");
        Assert.That(new IndexDirectory(factory.IndexPath).CurrentGeneration(), Is.EqualTo(served), "the same generation, changed in place");
        Assert.That(await Eventually(() => Task.FromResult(new FileInfo(served + "-wal") is { Exists: false } or { Length: 0 })), Is.True, "its WAL starts over once it is served");
    }

    private static async Task<SearchResponse> Search(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<SearchResponse>("/api/search?facetSize=0&q=" + Uri.EscapeDataString(q)))!;

    /// <summary>Whether the condition holds within ten seconds (a hundred watch intervals).</summary>
    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
