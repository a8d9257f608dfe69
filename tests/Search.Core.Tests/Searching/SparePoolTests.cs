using System.Collections.Concurrent;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>The pool of scratch arrays that facet counting and unions share between searches.</summary>
public class SparePoolTests
{
    private sealed class Spare
    {
        public int Holders;
    }

    [Test]
    public void An_empty_pool_gives_nothing()
    {
        Assert.That(new SparePool<Spare>(4).Take(), Is.Null);
    }

    [Test]
    public void What_is_given_back_is_taken_again_once()
    {
        var pool = new SparePool<Spare>(4);
        var spare = new Spare();
        pool.Return(spare);

        Assert.That(pool.Take(), Is.SameAs(spare));
        Assert.That(pool.Take(), Is.Null, "an object is handed out once per return");
    }

    [Test]
    public void More_returns_than_slots_keep_as_many_as_there_are_slots()
    {
        var pool = new SparePool<Spare>(3);
        var spares = Enumerable.Range(0, 5).Select(_ => new Spare()).ToList();
        spares.ForEach(pool.Return);

        var taken = new List<Spare>();
        while (pool.Take() is { } spare)
        {
            taken.Add(spare);
        }

        Assert.That(taken, Has.Count.EqualTo(3));
        Assert.That(taken, Is.Unique);
        Assert.That(taken, Is.SubsetOf(spares));
    }

    [Test]
    public void Searches_at_once_never_hold_the_same_object()
    {
        // Eight threads take, hold and give back as fast as they can: an object held by two at once would see the
        // other's mark.
        var pool = new SparePool<Spare>(4);
        var shared = new ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var spare = pool.Take() ?? new Spare();
                if (Interlocked.Increment(ref spare.Holders) != 1)
                {
                    shared.Add($"held twice at step {i}");
                }

                Interlocked.Decrement(ref spare.Holders);
                pool.Return(spare);
            }
        });

        Assert.That(shared, Is.Empty);
    }
}
