using System.Collections.Concurrent;

namespace Search.Core.Searching;

public sealed partial class SearchIndex
{
    /// <summary>How many facet values per view are kept for a frequent word: the service's default; a request for more counts.</summary>
    internal const int FrequentWordFacetLimit = 20;

    // The counts of frequent words, by their expression as rendered (a query's match compiles to the same text).
    private readonly ConcurrentDictionary<string, FacetTops> _frequentWords = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _retired = new();
    private readonly Lock _frequentWordsGate = new();
    private Task? _frequentWordsCount;
    private long _frequentWordBytes;

    /// <summary>How many frequent words have their facet counts kept so far, and about how much memory they take.</summary>
    public (int Words, long Bytes) FrequentWordFacets => (_frequentWords.Count, Interlocked.Read(ref _frequentWordBytes));

    /// <summary>Whether the count of frequent words has started and is not done.</summary>
    internal bool CountingFrequentWords
    {
        get
        {
            lock (_frequentWordsGate)
            {
                return _frequentWordsCount is { IsCompleted: false };
            }
        }
    }

    /// <summary>Why the count of frequent words stopped before its end, when it failed; null otherwise.</summary>
    internal string? FrequentWordsFailure { get; set; }

    /// <summary>Set when the host stops serving this generation: work done for it ahead of time stops.</summary>
    internal CancellationToken Retired => _retired.Token;

    internal void Retire() => _retired.Cancel();

    /// <summary>The count of this generation's frequent words: started by the first caller, the same task for the rest.</summary>
    internal Task CountFrequentWordsOnce(Func<Task> start)
    {
        lock (_frequentWordsGate)
        {
            return _frequentWordsCount ??= start();
        }
    }

    /// <summary>The text terms in at least <paramref name="documents"/> documents, commonest first.</summary>
    internal IEnumerable<string> FrequentTerms(long documents) => LoadedVocabulary().TermsInAtLeast(documents);

    /// <summary>
    /// Counts the facets of each expression over this generation's live documents, as a search without filters would,
    /// and keeps each word's best values. A common word's search has hundreds of thousands of documents to count and
    /// its page, from the cached ranking, costs almost nothing: counted ahead of time, once per generation, its facets
    /// cost what its page does. The words are evaluated without the query caches, which they would flush.
    /// Stops early when <paramref name="cancel"/> is set; returns how many were counted.
    /// </summary>
    internal int CountFrequentWords(IEnumerable<MatchExpression> words, CancellationToken cancel)
    {
        var evaluator = Evaluator(new TermScoreCache(0));
        var counted = 0;
        foreach (var word in words)
        {
            if (cancel.IsCancellationRequested)
            {
                break;
            }

            var matches = evaluator.Evaluate(word);
            var tally = StartTally(matches.Count);
            new Pass(this, matches, [], [], [], 0, SearchSort.Relevance).Run(0, matches.Count, tally);
            var tops = tally.Top(FrequentWordFacetLimit);
            var key = word.ToFts();
            if (_frequentWords.TryAdd(key, tops))
            {
                Interlocked.Add(ref _frequentWordBytes, (2L * key.Length) + 48 + tops.Bytes);
                counted++;
            }
        }

        return counted;
    }

    /// <summary>Whether a request's facets would come from the counts kept for frequent words.</summary>
    internal bool KeepsCountsFor(SearchRequest request) => FrequentWordCounts(request) is not null;

    /// <summary>
    /// The kept counts that answer a request, if any: its match is a word counted ahead of time, and nothing else
    /// narrows it (no exclusion, range or filter) and it asks for no more values than were kept.
    /// </summary>
    private FacetTops? FrequentWordCounts(SearchRequest request)
    {
        if (!request.UseFrequentWordCounts || request.Query.Match is null || request.Query.Exclude is not null
            || request.Query.Ranges.Count > 0 || request.Ranges.Count > 0 || request.Filters.Any(f => f.Value.Count > 0)
            || request.FacetLimit > FrequentWordFacetLimit)
        {
            return null;
        }

        return _frequentWords.GetValueOrDefault(request.Query.Match.ToFts());
    }
}
