using System.Globalization;
using Search.Core.Analysis;
using Search.Core.Configuration;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// The stage between ingest and the index writer: analyzes a document's fields, extracts its entities and turns
/// them, with its language and publication date, into facet values. The body is analyzed once: the same tokens feed
/// the body's postings and the gazetteer, and its split into words feeds the analyzer and the extractors.
/// </summary>
public sealed class DocumentAnalysis(IndexSettings settings, bool extractEntities = true)
{
    private static readonly HashSet<string> EntityDimensions = [EntityKinds.Person, EntityKinds.Place, EntityKinds.Organization, EntityKinds.Date, EntityKinds.Figure];

    public IndexedDocument Analyze(SourceDocument document)
    {
        var analyzers = settings.Analyzers;
        var bodyAnalyzer = analyzers.ForField("body");
        var split = ScriptTokenizer.Tokenize(document.Body);
        var bodyNumbers = new List<int>(split.Count);
        var bodyTokens = bodyAnalyzer.Analyze(document.Body, split, FtsTokens.WholeNumber, bodyNumbers);
        var extractor = settings.Extractor;
        IReadOnlyList<Entity> entities = extractEntities ? extractor.Extract(document.Body, ReferenceEquals(bodyAnalyzer, extractor.Gazetteer.Analyzer) ? bodyTokens : null, split) : [];

        // A title that is not part of the body (JSONL, HTML) may name entities too: they count as facets.
        var titleEntities = !extractEntities || document.Body.Contains(document.Title, StringComparison.Ordinal) ? [] : extractor.Extract(document.Title);

        var titleNumbers = new List<int>();
        var titleTokens = analyzers.ForField("title").Analyze(document.Title, ScriptTokenizer.Tokenize(document.Title), FtsTokens.WholeNumber, titleNumbers);
        return new IndexedDocument(
            document,
            IndexTerms(titleTokens, titleNumbers),
            IndexTerms(bodyTokens, bodyNumbers),
            entities,
            FacetValues(document, entities.Concat(titleEntities)));
    }

    /// <summary>
    /// The document's facet values, one per dimension and value. Dates and figures are keyed by the interval they cover
    /// ("19880601-19880831" for the summer of 1988, "2800-3800" for a range), so that two mentions that print alike
    /// but cover different spans ("1988", "the summer of 1988") stay two values and filters see each span as it is;
    /// their facet counts are by year, month and order of magnitude, computed from the intervals.
    /// </summary>
    public static List<FacetValue> FacetValues(SourceDocument document, IEnumerable<Entity> entities)
    {
        var values = new Dictionary<(string, string), FacetValue>();

        void Add(FacetValue value) => values.TryAdd((value.Dimension, value.Value), value);

        Add(new FacetValue("lang", document.Language, document.Language == "fa" ? "فارسی" : "English"));
        if (document.Published is { } published && DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var number = (day.Year * 10000) + (day.Month * 100) + day.Day;
            Add(new FacetValue(EntityKinds.Date, Interval(number, number), published, number, number));
        }

        foreach (var e in entities)
        {
            if (!EntityDimensions.Contains(e.Kind))
            {
                continue;
            }

            switch (e.Kind)
            {
                case EntityKinds.Date when e.From > 0:
                    Add(new FacetValue(e.Kind, Interval(e.From, e.To), e.Label, e.From, e.To));
                    break;
                case EntityKinds.Date:
                    break; // "April 13": no year, no place on a time line
                case EntityKinds.Figure:
                    Add(new FacetValue(e.Kind, e.Upper is null ? e.Value : Interval(e.Number!.Value, e.Upper.Value), e.Label, e.Number, e.Upper ?? e.Number));
                    break;
                default:
                    Add(new FacetValue(e.Kind, e.Value, e.Label, LabelFa: e.LabelFa));
                    break;
            }
        }

        return [.. values.Values];
    }

    private static string Interval(double low, double high) => string.Create(CultureInfo.InvariantCulture, $"{low:0.####}-{high:0.####}");

    /// <summary>
    /// The numbers of the index's terms of a field, in order: an analyzed term's own number when the index keeps it
    /// whole, else those of the pieces it is split into (FtsTokens). Until the seventh round the writer was given the
    /// terms joined by spaces and split and looked them up itself.
    /// </summary>
    private static List<int> IndexTerms(IReadOnlyList<Token> tokens, List<int> numbers)
    {
        var terms = new List<int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (numbers[i] >= 0)
            {
                terms.Add(numbers[i]);
            }
            else
            {
                FtsTokens.AddNumbers(tokens[i].Term, terms);
            }
        }

        return terms;
    }
}
