using System.Globalization;
using Search.Core.Analysis;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Compiles a parsed query to a match expression: each word goes through the query analyzer (the same chain as documents), so
/// "Khamenei’s" finds "Khamenei" and "كتابها" finds "کتاب‌ها"; a word that analyzes to several terms becomes a
/// phrase; words that name a gazetteer entity also match the entity's tag, whatever script the document used.
/// Ranges become in-memory filters and may only narrow the whole query (they are ANDed at the top level).
/// Each text field is analyzed with its own analyzer (one may stem and the other not): a word without a field
/// searches both, each with its own terms.
/// </summary>
public sealed class QueryCompiler(Func<string, IAnalyzer> fieldAnalyzer, Func<string, IAnalyzer> fieldNormalizer, IQueryExpansion expansion)
{
    private static readonly string[] DefaultFields = ["title", "body"];
    private const string TagColumn = "tags";
    private const int MaxFuzzyExpansions = 32;

    public CompiledQuery Compile(QueryNode query)
    {
        var state = new State();
        MatchExpression? match;
        MatchExpression? exclude = null;
        if (query is BooleanNode boolean)
        {
            (match, exclude) = CompileTopLevel(boolean, state);
        }
        else if (query is RangeNode range)
        {
            state.Ranges.Add(ToFilter(range));
            match = null;
        }
        else
        {
            match = Compile(query, state);
        }

        return new CompiledQuery(match, exclude, state.Ranges, state.Terms, state.Prefixes, state.EntityTokens);
    }

    /// <summary>At the top level a query may be only negative ("-evin") or carry ranges; deeper it may not.</summary>
    private (MatchExpression? Match, MatchExpression? Exclude) CompileTopLevel(BooleanNode node, State state)
    {
        var positives = new List<Clause>();
        var negatives = new List<MatchExpression>();
        foreach (var clause in node.Clauses)
        {
            if (clause.Node is RangeNode range && clause.Occur == Occur.Must)
            {
                state.Ranges.Add(ToFilter(range));
            }
            else if (clause.Occur == Occur.MustNot)
            {
                if (CompileNegated(clause.Node) is { } negative)
                {
                    negatives.Add(negative);
                }
            }
            else
            {
                positives.Add(clause);
            }
        }

        var match = positives.Count == 0 ? null : Compile(new BooleanNode(positives), state);
        return (match, negatives.Count == 0 ? null : FtsSyntax.Any(negatives));
    }

    /// <summary>Terms under NOT get a state of their own: they are absent from every hit, so nothing marks them.</summary>
    private MatchExpression? CompileNegated(QueryNode node) => Compile(node, new State());

    private MatchExpression? Compile(QueryNode node, State state) => node switch
    {
        TermNode term => CompileWords(term.Field, term.Text, state, expandEntities: true),
        PhraseNode phrase => CompileWords(phrase.Field, phrase.Text, state, expandEntities: true),
        PrefixNode prefix => CompilePrefix(prefix, state),
        FuzzyNode fuzzy => CompileFuzzy(fuzzy, state),
        BooleanNode boolean => CompileBoolean(boolean, state),
        RangeNode range => throw new QueryParseException(
            $"The range on '{range.Field}' can only narrow the whole query: put it beside the other terms, not inside OR, NOT or parentheses.", 0),
        MatchAllNode => null,
        _ => throw new InvalidOperationException($"Unknown query node {node.GetType().Name}."),
    };

    private MatchExpression? CompileBoolean(BooleanNode node, State state)
    {
        var musts = new List<MatchExpression>();
        var shoulds = new List<MatchExpression>();
        var nots = new List<MatchExpression>();
        var shouldMatchesAll = false;
        foreach (var clause in node.Clauses)
        {
            if (clause.Occur == Occur.MustNot)
            {
                if (CompileNegated(clause.Node) is { } negative)
                {
                    nots.Add(negative);
                }

                continue;
            }

            var expression = Compile(clause.Node, state);
            if (clause.Occur == Occur.Must && expression is not null)
            {
                musts.Add(expression);
            }
            else if (clause.Occur == Occur.Should)
            {
                if (expression is null)
                {
                    shouldMatchesAll = true;
                }
                else
                {
                    shoulds.Add(expression);
                }
            }
        }

        if (shoulds.Count > 0 && !shouldMatchesAll)
        {
            musts.Add(FtsSyntax.Any(shoulds));
        }

        if (musts.Count == 0)
        {
            if (nots.Count > 0)
            {
                throw new QueryParseException("A NOT clause inside parentheses or OR needs a positive term beside it in the same group.", 0);
            }

            return null;
        }

        var result = musts.Count == 1 ? musts[0] : FtsSyntax.All(musts);
        foreach (var not in nots)
        {
            result = FtsSyntax.ButNot(result, not);
        }

        return result;
    }

    private MatchExpression? CompileWords(string? field, string text, State state, bool expandEntities)
    {
        if (field is not null && QueryFields.Facet.Contains(field))
        {
            var tokens = expansion.FacetTokens(field, text);
            // A value that names nothing matches nothing: an impossible tag keeps the query's meaning.
            return FtsSyntax.InColumns(TagColumn, tokens.Count == 0 ? FtsSyntax.Quote(FacetValue.TokenOf(field, "\u2205")) : FtsSyntax.Any(tokens.Select(FtsSyntax.Quote)));
        }

        return CompileAnalyzed(field, f => Terms(fieldAnalyzer(f), text), state, expandEntities);
    }

    /// <summary>
    /// What a search for one word that every text field analyzes to <paramref name="term"/> compiles to, built from
    /// the indexed term itself: the facet counts kept for a generation's frequent words are found by this expression.
    /// </summary>
    public MatchExpression? CompileIndexedTerm(string term) => CompileAnalyzed(null, _ => [term], new State(), expandEntities: true);

    /// <summary>A word's expression from its terms per field (<paramref name="analyze"/>), with the entities it names.</summary>
    private MatchExpression? CompileAnalyzed(string? field, Func<string, List<string>> analyze, State state, bool expandEntities)
    {
        var expression = PerField(field, analyze, terms =>
        {
            foreach (var term in terms)
            {
                state.Terms.Add(term);
            }

            return FtsSyntax.Phrase(terms);
        });
        if (expression is null)
        {
            return null; // only stop words: they narrow nothing
        }

        if (expandEntities && field is null)
        {
            // The gazetteer's aliases are analyzed like body text, so the body's terms are the ones to look up.
            var entityTokens = expansion.EntityTokens(analyze("body"));
            if (entityTokens.Count > 0)
            {
                expression = FtsSyntax.Any([expression, FtsSyntax.InColumns(TagColumn, FtsSyntax.Any(entityTokens.Select(FtsSyntax.Quote)))]);
                foreach (var token in entityTokens)
                {
                    state.EntityTokens.Add(token);
                }
            }
        }

        // A word of single terms (no phrase) whose expression is more than one term: evaluated once per generation.
        return expression is AnyMatch && SingleTerms(expression) ? FtsSyntax.Word(expression) : expression;
    }

    /// <summary>
    /// The expression for one field, or for both text fields when <paramref name="field"/> is null: one column filter
    /// when both fields analyze the text alike, else one per field, ORed. Null when every field's terms are empty.
    /// </summary>
    private static MatchExpression? PerField(string? field, Func<string, List<string>> analyze, Func<List<string>, MatchExpression> build)
    {
        var fields = field is null ? DefaultFields : [field];
        var byTerms = new List<(List<string> Terms, List<string> Fields)>();
        foreach (var f in fields)
        {
            var terms = analyze(f);
            if (terms.Count == 0)
            {
                continue;
            }

            var same = byTerms.FindIndex(b => b.Terms.SequenceEqual(terms));
            if (same >= 0)
            {
                byTerms[same].Fields.Add(f);
            }
            else
            {
                byTerms.Add((terms, [f]));
            }
        }

        if (byTerms.Count == 0)
        {
            return null;
        }

        var parts = byTerms.Select(b => FtsSyntax.InColumns(string.Join(' ', b.Fields), build(b.Terms))).ToList();
        return parts.Count == 1 ? parts[0] : FtsSyntax.Any(parts);
    }

    private static bool SingleTerms(MatchExpression expression) => expression switch
    {
        TermsMatch terms => terms.Terms.Count == 1 && !terms.Prefix,
        ColumnsMatch columns => SingleTerms(columns.Inner),
        AnyMatch any => any.Parts.All(SingleTerms),
        _ => false,
    };

    private static List<string> Terms(IAnalyzer analyzer, string text) => [.. analyzer.Analyze(text).Select(t => t.Term)];

    private MatchExpression? CompilePrefix(PrefixNode prefix, State state)
    {
        RejectFacetField(prefix.Field, "prefix");
        return PerField(prefix.Field, f => Terms(fieldNormalizer(f), prefix.Text), terms =>
        {
            state.Prefixes.Add(terms[^1]);
            foreach (var term in terms.SkipLast(1))
            {
                state.Terms.Add(term);
            }

            return FtsSyntax.Prefix(terms);
        });
    }

    private MatchExpression? CompileFuzzy(FuzzyNode fuzzy, State state)
    {
        RejectFacetField(fuzzy.Field, "fuzzy");
        return PerField(fuzzy.Field, f => Terms(fieldAnalyzer(f), fuzzy.Text), terms =>
        {
            var perTerm = new List<MatchExpression>();
            foreach (var term in terms)
            {
                var near = expansion.SimilarTerms(term, fuzzy.MaxEdits).Take(MaxFuzzyExpansions).Append(term).Distinct().ToList();
                foreach (var n in near)
                {
                    state.Terms.Add(n);
                }

                perTerm.Add(FtsSyntax.Any(near.Select(FtsSyntax.Quote)));
            }

            return perTerm.Count == 1 ? perTerm[0] : FtsSyntax.All(perTerm);
        });
    }

    private static void RejectFacetField(string? field, string kind)
    {
        if (field is not null && !QueryFields.Text.Contains(field))
        {
            throw new QueryParseException($"Field '{field}' does not take {kind} search; only title and body do.", 0);
        }
    }

    /// <summary>Turns a parsed range into numbers: dates as yyyyMMdd (a year or month spans all its days), figures as given.</summary>
    public static RangeFilter ToFilter(RangeNode range)
    {
        if (range.Field == "date")
        {
            double? low = range.Low is null ? null : DateBound(range.Low, upper: false);
            double? high = range.High is null ? null : DateBound(range.High, upper: true);
            if (!range.IncludeLow && low is not null)
            {
                low = DateBound(range.Low!, upper: true) + 1;
            }

            if (!range.IncludeHigh && high is not null)
            {
                high = DateBound(range.High!, upper: false) - 1;
            }

            return Checked(new RangeFilter("date", low, high), range);
        }

        double? lo = range.Low is null ? null : Number(range.Low);
        double? hi = range.High is null ? null : Number(range.High);
        // Figures are whole numbers or decimals: an exclusive bound moves by the smallest step that matters.
        if (!range.IncludeLow && lo is not null)
        {
            lo = Math.BitIncrement(lo.Value);
        }

        if (!range.IncludeHigh && hi is not null)
        {
            hi = Math.BitDecrement(hi.Value);
        }

        return Checked(new RangeFilter("figure", lo, hi), range);
    }

    private static RangeFilter Checked(RangeFilter filter, RangeNode range)
    {
        if (filter.Low is not null && filter.High is not null && filter.Low > filter.High)
        {
            throw new QueryParseException($"The {range.Field} range from '{range.Low}' to '{range.High}' is empty: its low end is above its high end.", 0);
        }

        return filter;
    }

    /// <summary>yyyy, yyyy-MM or yyyy-MM-dd (digits of any script) as the first or last day it covers, as yyyyMMdd.</summary>
    public static double DateBound(string text, bool upper)
    {
        var s = ScriptTokenizer.FoldDigits(text.Trim());
        var parts = s.Split('-');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4)
        {
            throw new QueryParseException($"'{text}' is not a date: write yyyy, yyyy-MM or yyyy-MM-dd.", 0);
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : (upper ? 12 : 1);
        if (year < 1 || month is < 1 or > 12)
        {
            throw new QueryParseException($"'{text}' is not a date: the month must be 01 to 12.", 0);
        }

        var lastDay = DateTime.DaysInMonth(year, month);
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : (upper ? lastDay : 1);
        if (day < 1 || day > lastDay)
        {
            throw new QueryParseException($"'{text}' is not a date: {year:D4}-{month:D2} has {lastDay} days.", 0);
        }

        return (year * 10000) + (month * 100) + day;
    }

    /// <summary>A figure bound: digits of any script, with thousands separators allowed.</summary>
    public static double Number(string text)
    {
        var s = ScriptTokenizer.FoldDigits(text.Trim()).Replace(",", "", StringComparison.Ordinal).Replace("\u066C", "", StringComparison.Ordinal).Replace('\u066B', '.');
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new QueryParseException($"'{text}' is not a number.", 0);
        }

        return value;
    }

    private sealed class State
    {
        public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

        public List<string> Prefixes { get; } = [];

        public HashSet<string> EntityTokens { get; } = new(StringComparer.Ordinal);

        public List<RangeFilter> Ranges { get; } = [];
    }
}
