using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// Live writes to a served generation leave its WAL empty once they are served, so that a service taking writes for
/// months does not grow a log of every page it ever wrote, and every write is still found; while a query still reads
/// the state before a write, its pages stay in the WAL until a later write, and that query's state is unchanged.
/// </summary>
public class LiveWriteLogTests
{
    private static readonly string Body = string.Join(" ", Enumerable.Repeat("A testimony about Evin prison in Tehran, written in 1988 with 200 others.", 40));

    private TestIndex _index = null!;
    private LiveIndex _live = null!;

    [SetUp]
    public void Build()
    {
        _index = TestIndex.FromSeeds();
        _live = new LiveIndex(_index.Host, Analyzers.Settings, new WriterGate());
    }

    [TearDown]
    public void Clean() => _index.Dispose();

    [Test]
    public void Writes_between_searches_leave_the_log_empty_and_are_all_found()
    {
        for (var i = 0; i < 60; i++)
        {
            _live.Upsert(Document($"testimony-{i % 20}", $"testimony number{i}"));
            Assert.That(_index.Ids($"number{i}"), Is.EqualTo(new[] { $"testimony-{i % 20}" }), $"write {i}");
            Assert.That(WalBytes(), Is.Zero, $"after write {i}");
        }

        Assert.That(_index.Search("testimony evin", 100).Total, Is.EqualTo(20));
        Assert.That(_live.Delete("testimony-3"), Is.True);
        Assert.That(_index.Search("testimony evin", 100).Total, Is.EqualTo(19));
        Assert.That(WalBytes(), Is.Zero);
    }

    [Test]
    public void A_query_still_reading_the_state_before_a_write_keeps_its_pages_until_a_later_write()
    {
        _live.Upsert(Document("first", "first words"));
        var before = _index.Host.Acquire()!;
        var engineTotal = _index.Search("testimony evin").Total;

        _live.Upsert(Document("second", "second words"));
        Assert.That(WalBytes(), Is.GreaterThan(0), "the reader of the state before holds the log (the write waited a little for it)");
        Assert.That(_index.Search("testimony evin").Total, Is.EqualTo(engineTotal + 1));
        Assert.That(before.Index.GetDocument("first"), Is.Not.Null);
        Assert.That(before.Index.GetDocument("second"), Is.Null, "the query that started before reads the state it started with");

        before.Dispose();
        _live.Upsert(Document("third", "third words"));
        Assert.That(WalBytes(), Is.Zero, "once it is done, the next write empties the log");
        foreach (var word in new[] { "first", "second", "third" })
        {
            Assert.That(_index.Ids(word + " words"), Is.EqualTo(new[] { word }));
        }
    }

    private static SourceDocument Document(string id, string words) => new()
    {
        Id = id,
        Title = "Testimony",
        Body = Body + " " + words,
        Language = "en",
        Source = "api",
        ContentHash = id + words,
    };

    private long WalBytes()
    {
        var wal = new FileInfo(_index.Host.CurrentPath + "-wal");
        return wal.Exists ? wal.Length : 0;
    }
}
