using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Indexing;

/// <summary>Queries keep being answered, and answered right, while full and incremental reindexes run.</summary>
public class ZeroDowntimeTests
{
    [Test]
    public void Queries_during_reindexing_always_find_every_stable_document()
    {
        using var temp = new TempFolder();
        var sources = temp.Combine("sources");
        Directory.CreateDirectory(sources);
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(Path.Combine(sources, $"stable{i:D3}.txt"), $"Stable report {i} about Evin prison.");
        }

        var directory = new IndexDirectory(temp.Combine("index"));
        var runner = new ReindexRunner(Analyzers.Settings);
        runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full);
        using var host = new IndexHost(directory);
        var engine = new SqliteSearchEngine(host, Analyzers.Settings);

        using var stop = new CancellationTokenSource();
        var answers = 0;
        var wrong = new List<string>();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var total = engine.Search(new SearchQuery { Text = "stable evin", Limit = 5 }).Total;
                    if (total != 300)
                    {
                        lock (wrong)
                        {
                            wrong.Add($"{total} hits");
                        }
                    }

                    Interlocked.Increment(ref answers);
                }
                catch (Exception e)
                {
                    lock (wrong)
                    {
                        wrong.Add(e.Message);
                    }
                }
            }
        });

        for (var round = 0; round < 3; round++)
        {
            File.WriteAllText(Path.Combine(sources, $"changing{round}.txt"), $"Round {round} about Gohardasht.");
            runner.Run(directory, [new FolderSource(sources)], ReindexMode.Incremental, host);
            runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full, host);
        }

        stop.Cancel();
        reader.Wait();
        Assert.That(answers, Is.GreaterThan(10), "the reader ran throughout");
        Assert.That(wrong, Is.Empty);
        Assert.That(engine.Search(new SearchQuery { Text = "gohardasht" }).Total, Is.EqualTo(3));
        Assert.That(directory.Generations(), Has.Count.EqualTo(1), "old generations are deleted once drained");
    }
}
