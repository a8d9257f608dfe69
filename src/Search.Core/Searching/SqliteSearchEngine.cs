using Search.Core.Analysis;
using Search.Core.Configuration;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>The search engine over SQLite index generations (our postings, see IndexSchema): parse, compile against the served generation, search.</summary>
public sealed class SqliteSearchEngine(IndexHost host, IndexSettings settings) : ISearchEngine
{
    // Snippets are cut on whichever request thread is free: their analyzer shares one memory of terms among them.
    private readonly Snippeter _snippeter = new(settings.Analyzers.ForField("body") is Analyzer analyzer ? analyzer.SharedAcrossThreads() : settings.Analyzers.ForField("body"));

    public SearchResults Search(SearchQuery query)
    {
        var parsed = QueryParser.Parse(query.Text);
        using var lease = host.Acquire();
        if (lease is null)
        {
            return new SearchResults(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
        }

        if (query.Facets && query.UseFrequentWordCounts)
        {
            _ = CountFrequentWords(lease.Index, FrequentWordSettle);
        }

        var request = new SearchRequest
        {
            Query = CompilerFor(lease.Index).Compile(parsed),
            Filters = ResolveFilters(query.Filters),
            Ranges = query.Ranges,
            Sort = query.Sort,
            Offset = query.Offset,
            Limit = query.Limit,
            FacetLimit = query.FacetLimit,
            CountFacets = query.Facets,
            ReuseFacetCounts = query.ReuseFacetCounts,
            UseFrequentWordCounts = query.UseFrequentWordCounts,
        };
        return lease.Index.Search(request, query.Snippets ? _snippeter : null);
    }

    /// <summary>
    /// The documents a text term must be in for its facets to be counted ahead of time (settable for tests). A common
    /// word's counting cost 150 times its page; a rare word's adds about a quarter of a microsecond a match to a page of
    /// 20-30 µs (a million documents here, without snippets), so below 20 documents counting adds under a fifth of the
    /// page, and above it the kept counts are cheaper. At a million documents, with the counts packed (<see cref="FacetTops"/>),
    /// 20 keeps 98,091 words in 43 MB and counts them in 18-22 s; 10 kept 149,544 in 63 MB (20-23 s), and 50 kept 61,475 in 27 MB
    /// (97 MB as two integer arrays a view, before they were packed).
    /// </summary>
    internal long FrequentWordDocuments { get; set; } = 20;

    /// <summary>
    /// How long the first faceted search of a generation waits before its frequent words are counted (settable for
    /// tests): every API write publishes a generation, and one replaced within this never starts a count, so writes a
    /// few seconds apart do not keep a core counting for generations that go before their count is done.
    /// </summary>
    internal TimeSpan FrequentWordSettle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Counts the facets of the served generation's frequent words in the background, once per generation, now
    /// unless its first faceted search started it already; the task ends when the count does. Queries meanwhile
    /// count for themselves.
    /// </summary>
    public Task CountFrequentWordsAsync()
    {
        using var lease = host.Acquire();
        return lease is null ? Task.CompletedTask : CountFrequentWords(lease.Index, TimeSpan.Zero);
    }

    private Task CountFrequentWords(SearchIndex index, TimeSpan settle) => index.CountFrequentWordsOnce(() =>
    {
        if (2L * index.DocumentCount < FrequentWordDocuments)
        {
            return Task.CompletedTask; // no word can be in that many documents
        }

        // The count holds a lease of its own: the generation stays open until it is done or stops, as it does
        // soon after the host retires the generation.
        var lease = host.Acquire();
        if (lease is null || lease.Index != index)
        {
            lease?.Dispose();
            return Task.CompletedTask;
        }

        return Task.Factory.StartNew(
            () =>
            {
                using (lease)
                {
                    if (settle > TimeSpan.Zero && index.Retired.WaitHandle.WaitOne(settle))
                    {
                        return; // replaced before it settled
                    }

                    try
                    {
                        var compiler = CompilerFor(index);
                        index.CountFrequentWords(index.FrequentTerms(FrequentWordDocuments).Select(compiler.CompileIndexedTerm).OfType<MatchExpression>(), index.Retired);
                    }
                    catch (Exception) when (index.Retired.IsCancellationRequested)
                    {
                        // The generation was retired and closed under the count: nothing is lost, it would not be used.
                    }
                    catch (Exception e)
                    {
                        // Searches count for themselves, as before the count; the health endpoint says why it stopped.
                        index.FrequentWordsFailure = e.Message;
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    });

    private QueryCompiler CompilerFor(SearchIndex index) =>
        new(settings.Analyzers.ForField, settings.Analyzers.NormalizerForField, new IndexQueryExpansion(index, settings.Extractor.Gazetteer));

    /// <summary>
    /// Filter values may be gazetteer ids or any alias of them ("Khamenei", "خامنه‌ای" → ali-khamenei); other values
    /// (discovered names, languages) are used as given.
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>> ResolveFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var gazetteer = settings.Extractor.Gazetteer;
        var resolved = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (dimension, values) in filters)
        {
            var ids = new List<string>();
            foreach (var value in values)
            {
                ids.Add(value);
                var terms = gazetteer.Analyzer.Analyze(value).Select(t => t.Term).ToList();
                ids.AddRange(gazetteer.Lookup(terms).Where(e => e.Kind == dimension).Select(e => e.Id));
            }

            resolved[dimension] = [.. ids.Distinct()];
        }

        return resolved;
    }

    public StoredDocument? GetDocument(string id)
    {
        using var lease = host.Acquire();
        return lease?.Index.GetDocument(id);
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit)
    {
        using var lease = host.Acquire();
        if (lease is null || string.IsNullOrWhiteSpace(prefix))
        {
            return [];
        }

        var persianPrefix = prefix.Any(Analysis.CharClass.IsArabicLetter);
        var suggestions = new List<Suggestion>();
        foreach (var dimension in new[] { "person", "place", "org" })
        {
            foreach (var count in lease.Index.BrowseFacet(dimension, prefix, limit) ?? [])
            {
                var text = persianPrefix && count.LabelFa is { Length: > 0 } fa ? fa : count.Label;
                suggestions.Add(new Suggestion(text, dimension, count.Value, count.Count));
            }
        }

        var terms = settings.Analyzers.NormalizerForField("body").Analyze(prefix).Select(t => t.Term).ToList();
        if (terms.Count == 1)
        {
            foreach (var (term, documents) in lease.Index.TermsStartingWith(terms[0], limit))
            {
                suggestions.Add(new Suggestion(term, "term", term, (int)Math.Min(documents, int.MaxValue)));
            }
        }

        return [.. suggestions.OrderBy(s => s.Kind == "term").ThenByDescending(s => s.Count).Take(limit)];
    }

    public IReadOnlyList<FacetCount>? BrowseFacet(string dimension, string? prefix, int limit)
    {
        using var lease = host.Acquire();
        return lease?.Index.BrowseFacet(dimension, prefix, limit);
    }

    public EngineStatus Status()
    {
        using var lease = host.Acquire();
        return lease is null
            ? new EngineStatus(null, 0, null)
            : new EngineStatus(
                Path.GetFileName(lease.Index.Path),
                lease.Index.DocumentCount,
                lease.Index.Metadata.GetValueOrDefault(ReindexRunner.SettingsKey),
                lease.Index.FrequentWordFacets.Words,
                lease.Index.CountingFrequentWords,
                lease.Index.FrequentWordsFailure);
    }
}
