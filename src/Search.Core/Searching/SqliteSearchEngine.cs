using Search.Core.Configuration;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>The search engine over SQLite index generations (our postings, see IndexSchema): parse, compile against the served generation, search.</summary>
public sealed class SqliteSearchEngine(IndexHost host, IndexSettings settings) : ISearchEngine
{
    private readonly Snippeter _snippeter = new(settings.Analyzers.ForField("body"));

    public SearchResults Search(SearchQuery query)
    {
        var parsed = QueryParser.Parse(query.Text);
        using var lease = host.Acquire();
        if (lease is null)
        {
            return new SearchResults(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
        }

        var analyzers = settings.Analyzers;
        var compiler = new QueryCompiler(analyzers.ForField, analyzers.NormalizerForField, new IndexQueryExpansion(lease.Index, settings.Extractor.Gazetteer));
        var request = new SearchRequest
        {
            Query = compiler.Compile(parsed),
            Filters = ResolveFilters(query.Filters),
            Ranges = query.Ranges,
            Sort = query.Sort,
            Offset = query.Offset,
            Limit = query.Limit,
            FacetLimit = query.FacetLimit,
            CountFacets = query.Facets,
            ReuseFacetCounts = query.ReuseFacetCounts,
        };
        return lease.Index.Search(request, query.Snippets ? _snippeter : null);
    }

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
            : new EngineStatus(Path.GetFileName(lease.Index.Path), lease.Index.DocumentCount, lease.Index.Metadata.GetValueOrDefault(ReindexRunner.SettingsKey));
    }
}
