namespace Search.Core.Searching;

/// <summary>
/// Counts the facets of a match set on a pool thread while the caller ranks the matches and reads its page, and with
/// the caller once it is done: both take the matches a chunk at a time from one cursor, each into a tally of its own,
/// and the helper's counts are added to the caller's at the end. A faceted combination of words used to count every
/// match first and rank afterwards, on one thread below 20,000 matches: an AND at a million documents spent as long
/// counting its some 4,000 matches as finding them.
/// A helper the pool has not started by the time the caller has taken the last chunk is withdrawn, not waited for:
/// under load the pool's queue is long, and the caller has then counted everything itself.
/// </summary>
internal sealed class SharedCounting
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Withdrawn = 2;

    private readonly FacetBuckets _buckets;
    private readonly int[] _docs;
    private readonly int _count;
    private readonly int _chunk;
    private readonly FacetBuckets.Tally _callers;
    private readonly FacetBuckets.Tally _helpers;
    private readonly Task _helping;
    private int _next; // the first match nobody has taken yet
    private int _state;

    private SharedCounting(FacetBuckets buckets, int[] docs, int count, FacetBuckets.Tally callers, FacetBuckets.Tally helpers, int chunk, Func<Action, Task> startHelper)
    {
        (_buckets, _docs, _count, _chunk) = (buckets, docs, count, Math.Max(1, chunk));
        (_callers, _helpers) = (callers, helpers);
        _helping = startHelper(Help);
    }

    /// <summary>
    /// How many matches a thread takes at a time: some 15 µs of counting at a million documents, as long as the caller
    /// may wait for the helper's last chunk at the end.
    /// </summary>
    public const int DefaultChunk = 256;

    /// <summary>
    /// Starts counting docs[0..count) with a helper from <paramref name="startHelper"/> (the thread pool, unless a test
    /// says otherwise); <paramref name="callers"/> and <paramref name="helpers"/> are fresh tallies.
    /// </summary>
    public static SharedCounting Start(FacetBuckets buckets, int[] docs, int count, FacetBuckets.Tally callers, FacetBuckets.Tally helpers, int chunk = DefaultChunk, Func<Action, Task>? startHelper = null) =>
        new(buckets, docs, count, callers, helpers, chunk, startHelper ?? Task.Run);

    /// <summary>Counts the chunks left with the caller's tally, then takes in the helper's counts: every match counted once.</summary>
    public FacetBuckets.Tally Finish()
    {
        Take(_callers);
        if (Interlocked.CompareExchange(ref _state, Withdrawn, NotStarted) == NotStarted)
        {
            // The helper never started and now never will: its tally holds nothing.
            _helpers.Release();
        }
        else
        {
            _helping.GetAwaiter().GetResult();
            _callers.Merge(_helpers);
        }

        return _callers;
    }

    private void Help()
    {
        if (Interlocked.CompareExchange(ref _state, Running, NotStarted) == NotStarted)
        {
            Take(_helpers);
        }
    }

    private void Take(FacetBuckets.Tally tally)
    {
        while (true)
        {
            var from = Interlocked.Add(ref _next, _chunk) - _chunk;
            if (from >= _count)
            {
                return;
            }

            _buckets.CountAll(tally, _docs, from, Math.Min(_count, from + _chunk));
        }
    }
}
