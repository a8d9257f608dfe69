using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// One process writes an index directory at a time: a reindex beside another process's writes (the command line's
/// beside the service's) fails with the reason and leaves the directory as it was, a short write of the other
/// process is waited for, and the claims of one process share its lock.
/// </summary>
public class WriterClaimTests
{
    private TempFolder _temp = null!;
    private string _sources = null!;
    private IndexDirectory _directory = null!;

    [SetUp]
    public void Build()
    {
        _temp = new TempFolder();
        _sources = _temp.Combine("sources");
        Directory.CreateDirectory(_sources);
        File.WriteAllText(Path.Combine(_sources, "report.txt"), "A report about Evin prison.");
        _directory = new IndexDirectory(_temp.Combine("index"));
        new ReindexRunner(Analyzers.Settings).Run(_directory, [new FolderSource(_sources)], ReindexMode.Full);
    }

    [TearDown]
    public void Clean() => _temp.Dispose();

    [TestCase(ReindexMode.Full)]
    [TestCase(ReindexMode.Incremental)]
    public void A_reindex_while_another_process_writes_fails_with_the_reason_and_changes_nothing(ReindexMode mode)
    {
        var served = _directory.CurrentGeneration();
        File.WriteAllText(Path.Combine(_sources, "letter.txt"), "A letter from Evin prison.");
        var runner = new ReindexRunner(Analyzers.Settings) { ClaimWait = TimeSpan.FromMilliseconds(200) };

        using (OtherWriterProcess.Hold(_directory.Path))
        {
            var refused = Assert.Throws<IndexBusyException>(() => runner.Run(_directory, [new FolderSource(_sources)], mode));
            Assert.That(refused!.Message, Does.Contain("Another process is writing").And.Contain(_directory.Path));
            Assert.That(_directory.CurrentGeneration(), Is.EqualTo(served));
            Assert.That(_directory.Generations(), Is.EqualTo(new[] { served }), "no build was started beside the other writer");
            Assert.That(DocumentsIn(served!), Is.EqualTo(1), "nothing was written into the served generation");
        }

        var report = runner.Run(_directory, [new FolderSource(_sources)], mode);
        Assert.That(report.Added, Is.EqualTo(mode == ReindexMode.Full ? 2 : 1), "once the other process is done, the same run goes through");
    }

    [Test]
    public void A_reindex_waits_for_a_short_write_of_another_process()
    {
        using var other = OtherWriterProcess.Hold(_directory.Path, seconds: 1);
        var runner = new ReindexRunner(Analyzers.Settings) { ClaimWait = TimeSpan.FromSeconds(30) };

        var report = runner.Run(_directory, [new FolderSource(_sources)], ReindexMode.Full);

        Assert.That(report.Added, Is.EqualTo(1));
        Assert.That(OtherWriterProcess.CouldTake(_directory.Path), Is.True, "the run let the directory go when it ended");
    }

    [Test]
    public void Claims_in_one_process_share_its_lock_and_keep_other_processes_out_until_the_last_lets_go()
    {
        var first = WriterClaim.Take(_directory, TimeSpan.Zero);
        var second = WriterClaim.Take(_directory, TimeSpan.Zero); // a live write during the process's own rebuild
        Assert.That(OtherWriterProcess.CouldTake(_directory.Path), Is.False);

        first.Dispose();
        first.Dispose(); // a second dispose does not let go of the other claim's share
        Assert.That(OtherWriterProcess.CouldTake(_directory.Path), Is.False, "one claim is still held");

        second.Dispose();
        Assert.That(OtherWriterProcess.CouldTake(_directory.Path), Is.True);
    }

    private static long DocumentsIn(string generation)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={generation};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM docs";
        return (long)command.ExecuteScalar()!;
    }
}
