using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>The indexer's analysis stage: every core maps, the writer receives in source order, few items in flight.</summary>
public class OrderedPipelineTests
{
    [Test]
    public void Results_come_in_source_order_though_items_take_different_times()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 500).Select(_ => random.Next(0, 3)).ToArray();
        var results = OrderedPipeline.Select(Enumerable.Range(0, 500), i =>
        {
            Thread.Sleep(delays[i]);
            return i * 2;
        }, batchSize: 7, CancellationToken.None).ToList();

        Assert.That(results, Is.EqualTo(Enumerable.Range(0, 500).Select(i => i * 2)));
    }

    [Test]
    public void A_failure_of_the_map_reaches_the_consumer_after_the_items_before_it()
    {
        var received = new List<int>();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedPipeline.Select(Enumerable.Range(0, 100), i => i == 50 ? throw new InvalidOperationException("item 50") : i, batchSize: 10, CancellationToken.None))
            {
                received.Add(r);
            }
        })!;

        Assert.That(error.Message, Is.EqualTo("item 50"));
        Assert.That(received, Is.EqualTo(Enumerable.Range(0, 50)));
    }

    [Test]
    public void A_failure_of_the_source_reaches_the_consumer_after_the_items_read_before_it()
    {
        static IEnumerable<int> Source()
        {
            for (var i = 0; i < 25; i++)
            {
                yield return i;
            }

            throw new IOException("the disk went away");
        }

        var received = new List<int>();
        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var r in OrderedPipeline.Select(Source(), i => i, batchSize: 10, CancellationToken.None))
            {
                received.Add(r);
            }
        })!;

        Assert.That(error.Message, Is.EqualTo("the disk went away"));
        Assert.That(received, Is.EqualTo(Enumerable.Range(0, 20)), "the two full batches read before the failure; the partial one is lost with the source");
    }

    [Test]
    public void A_consumer_that_stops_early_stops_the_reading_with_few_items_read_ahead()
    {
        var read = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var first = OrderedPipeline.Select(Source(), i => i, batchSize: 10, CancellationToken.None).Take(15).ToList();

        Assert.That(first, Is.EqualTo(Enumerable.Range(0, 15)));
        var readWhenStopped = Volatile.Read(ref read);
        Thread.Sleep(50);
        Assert.That(Volatile.Read(ref read), Is.EqualTo(readWhenStopped), "nothing is read after the consumer has gone");
        Assert.That(readWhenStopped, Is.LessThan(10 * ((2 * Environment.ProcessorCount) + 4)), "only a few batches run ahead of the consumer");
    }

    [Test]
    public void Cancellation_ends_the_pipeline_with_an_operation_canceled_exception()
    {
        using var cancel = new CancellationTokenSource();
        var received = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in OrderedPipeline.Select(Enumerable.Range(0, 1_000_000), i => i, batchSize: 10, cancel.Token))
            {
                if (++received == 30)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.That(received, Is.LessThan(1_000_000));
    }
}
