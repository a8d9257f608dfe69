using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Indexing;

/// <summary>Queries keep being answered, and answered right, while full and incremental reindexes run.</summary>
public class ZeroDowntimeTests
{
    [Test]
    public void A_rebuild_that_knows_nothing_of_a_serving_host_leaves_its_generation_until_the_host_lets_it_go()
    {
        // The command line's reindex beside a running service: a writer with no host, whose clean-up sees only the
        // directory. The service's generation is held (a lock every process sees), so the clean-up leaves it, and
        // the service deletes it itself once it has moved on and its last reader is done.
        using var temp = new TempFolder();
        var sources = temp.Combine("sources");
        Directory.CreateDirectory(sources);
        File.WriteAllText(Path.Combine(sources, "report.txt"), "A report about Evin prison.");
        var directory = new IndexDirectory(temp.Combine("index"));
        var runner = new ReindexRunner(Analyzers.Settings);
        runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full);
        using var host = new IndexHost(directory);
        var served = host.CurrentPath!;
        var reading = host.Acquire()!;

        File.WriteAllText(Path.Combine(sources, "letter.txt"), "A letter from Evin prison.");
        runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full);
        runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full);

        Assert.That(directory.CurrentGeneration(), Is.Not.EqualTo(served));
        Assert.That(File.Exists(served), Is.True, "the served generation outlives a clean-up that did not know of it");
        Assert.That(directory.DeleteStale(new HashSet<string>()), Has.Count.EqualTo(1), "the generation between them, held by nobody, goes");
        Assert.That(directory.Generations(), Is.EqualTo(new[] { served, directory.CurrentGeneration() }));
        var engine = new SqliteSearchEngine(host, Analyzers.Settings);
        Assert.That(engine.Search(new SearchQuery { Text = "evin" }).Total, Is.EqualTo(1), "the host still serves what it opened");

        Assert.That(host.Refresh(), Is.True);
        Assert.That(engine.Search(new SearchQuery { Text = "evin" }).Total, Is.EqualTo(2));
        Assert.That(File.Exists(served), Is.True, "a reader of the old generation is not done");
        reading.Dispose();
        Assert.That(File.Exists(served), Is.False, "the host deletes it once drained");
        Assert.That(directory.Generations(), Is.EqualTo(new[] { directory.CurrentGeneration() }));
    }

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

        // Halfway through each run, the writer waits until the reader has been answered a few more times: this proves
        // that queries are answered while a reindex is in progress, however fast or slow the machine is.
        var answeredMidRun = new List<bool>();
        var midRun = new MidRunCheck(150, () =>
        {
            var before = Volatile.Read(ref answers);
            answeredMidRun.Add(SpinWait.SpinUntil(() => Volatile.Read(ref answers) >= before + 3, TimeSpan.FromSeconds(30)));
        });
        for (var round = 0; round < 3; round++)
        {
            File.WriteAllText(Path.Combine(sources, $"changing{round}.txt"), $"Round {round} about Gohardasht.");
            // Incremental runs change one file; touching the stable ones makes them reindex too, so the run is long.
            TouchAll(sources, round);
            runner.Run(directory, [new FolderSource(sources)], ReindexMode.Incremental, host, midRun.Arm());
            runner.Run(directory, [new FolderSource(sources)], ReindexMode.Full, host, midRun.Arm());
        }

        stop.Cancel();
        reader.Wait();
        Assert.That(answeredMidRun, Has.Count.EqualTo(6).And.All.True, "queries were answered in the middle of every run");
        Assert.That(wrong, Is.Empty);
        Assert.That(engine.Search(new SearchQuery { Text = "gohardasht" }).Total, Is.EqualTo(3));
        Assert.That(directory.Generations(), Has.Count.EqualTo(1), "old generations are deleted once drained");
    }

    private static void TouchAll(string sources, int round)
    {
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(Path.Combine(sources, $"stable{i:D3}.txt"), $"Stable report {i} about Evin prison, revision {round}.");
        }
    }

    /// <summary>Runs an action once, on the writer's thread, when a run's progress reaches a given count.</summary>
    private sealed class MidRunCheck(int at, Action action) : IProgress<ReindexProgress>
    {
        private bool _armed;

        public MidRunCheck Arm()
        {
            _armed = true;
            return this;
        }

        public void Report(ReindexProgress value)
        {
            if (_armed && value.Processed >= at)
            {
                _armed = false;
                action();
            }
        }
    }
}
