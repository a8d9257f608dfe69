using System.Collections.Concurrent;

namespace Search.Core.Searching;

public sealed partial class SearchIndex
{
    /// <summary>How many facet values per view are kept for a frequent word: the service's default; a request for more counts.</summary>
    internal const int FrequentWordFacetLimit = 20;

    // The counts of frequent words, by their expression as rendered (a query's match compiles to the same text).
    private readonly ConcurrentDictionary<string, KeptCounts> _frequentWords = new(StringComparer.Ordinal);
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
    /// Counts the facets of each expression that has no kept counts yet over this state's live documents, as a search
    /// without filters would, and keeps each word's best values. A common word's search has hundreds of thousands of
    /// documents to count and its page, from the cached ranking, costs almost nothing: counted ahead of time, its
    /// facets cost what its page does. A state extended after a write has its predecessor's counts and counts only the
    /// words that have none. The words are evaluated without the query caches, which they would flush.
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

            var key = word.ToFts();
            if (_frequentWords.ContainsKey(key))
            {
                // Carried over from the state before a write: a search of the word uses them while they hold, and
                // counts and keeps them again when they do not (KeepCounts), so they are not evaluated here.
                continue;
            }

            var matches = evaluator.Evaluate(word);
            var tally = StartTally(matches.Count);
            new Pass(this, matches, [], [], [], 0, SearchSort.Relevance).Run(0, matches.Count, tally);
            KeepCounts(key, tally.Top(FrequentWordFacetLimit), matches);
            counted++;
        }

        return counted;
    }

    /// <summary>Keeps a frequent word's counts over its matches in this state, in place of any it had.</summary>
    private void KeepCounts(string key, FacetTops tops, ScoredDocs matches)
    {
        var kept = new KeptCounts(tops, matches.Count, _live.Length);
        long replaced = 0;
        _frequentWords.AddOrUpdate(key, kept, (_, before) =>
        {
            replaced = before.Bytes(key);
            return kept;
        });
        Interlocked.Add(ref _frequentWordBytes, kept.Bytes(key) - replaced);
    }

    /// <summary>
    /// Takes over the counts kept for frequent words by the state this one extends: each is used only while it is
    /// still exact (<see cref="KeptCounts.Hold"/>), and counted again by the first search that finds it is not.
    /// </summary>
    private void CarryCountsOf(SearchIndex previous)
    {
        foreach (var (key, kept) in previous._frequentWords)
        {
            _frequentWords[key] = kept;
        }

        _frequentWordBytes = Interlocked.Read(ref previous._frequentWordBytes);
    }

    /// <summary>Whether a request's facets would come from the counts kept for frequent words.</summary>
    internal bool KeepsCountsFor(SearchRequest request) => KeptCountsKey(request) is { } key && FrequentWordCounts(key, request) is not null;

    /// <summary>
    /// The key of the counts kept for a request's word, if it has any: its match is a word counted ahead of time,
    /// nothing else narrows it (no exclusion, range or filter) and it asks for no more values than were kept.
    /// </summary>
    private string? KeptCountsKey(SearchRequest request)
    {
        if (!request.UseFrequentWordCounts || request.Query.Match is null || request.Query.Exclude is not null
            || request.Query.Ranges.Count > 0 || request.Ranges.Count > 0 || request.Filters.Any(f => f.Value.Count > 0)
            || request.FacetLimit > FrequentWordFacetLimit)
        {
            return null;
        }

        var key = request.Query.Match.ToFts();
        return _frequentWords.ContainsKey(key) ? key : null;
    }

    /// <summary>The counts kept under <paramref name="key"/> when its word's matches are still those they were counted over.</summary>
    private FacetTops? FrequentWordCounts(string key, SearchRequest request) =>
        // The word's set is cached with its ranking (the search that follows takes its page from the same).
        _frequentWords.TryGetValue(key, out var kept) && kept.Hold(Matches(request.Query)!) ? kept.Tops : null;

    /// <summary>
    /// A frequent word's kept counts, with what they were counted over: how many documents the word matched and how
    /// many rowids the state held. After writes they are still exact while none of the rows added since is among the
    /// word's matches and its matches are as many: rowids are never reused and only grow, so an added document the
    /// word matches lies past those rowids, and with none such the matches now are those then less the deleted ones,
    /// the same set when the same number. The values' buckets within a view keep their numbers as a state is extended
    /// (new values come after), so the packed counts read the same.
    /// </summary>
    private sealed record KeptCounts(FacetTops Tops, int Matches, int Rows)
    {
        public bool Hold(ScoredDocs matches) =>
            matches.Count == Matches && (matches.Count == 0 || matches.Docs[matches.Count - 1] < Rows);

        public long Bytes(string key) => (2L * key.Length) + 48 + 32 + Tops.Bytes;
    }
}
