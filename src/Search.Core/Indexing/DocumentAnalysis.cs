using Search.Core.Analysis;

namespace Search.Core.Indexing;

/// <summary>The stage between ingest and the index writer: analyzes a document's fields and collects its facet values.</summary>
public sealed class DocumentAnalysis(AnalyzerRegistry analyzers)
{
    public IndexedDocument Analyze(SourceDocument document)
    {
        var facets = new List<FacetValue>
        {
            new("lang", document.Language, document.Language == "fa" ? "فارسی" : "English"),
        };
        return new IndexedDocument(
            document,
            Terms(analyzers.ForField("title"), document.Title),
            Terms(analyzers.ForField("body"), document.Body),
            facets);
    }

    /// <summary>The analyzed terms of a text joined by single spaces: the only form FTS5 ever receives.</summary>
    public static string Terms(IAnalyzer analyzer, string text) =>
        string.Join(' ', analyzer.Analyze(text).Select(t => t.Term));
}
