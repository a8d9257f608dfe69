using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

public class QueryParserTests
{
    [Test]
    public void Adjacent_words_are_all_required()
    {
        var node = QueryParser.Parse("evin prison");
        Assert.That(node, Is.EqualTo(new BooleanNode([new(Occur.Must, new TermNode(null, "evin")), new(Occur.Must, new TermNode(null, "prison"))])).Using<QueryNode>(Same));
    }

    [Test]
    public void Or_binds_looser_than_and()
    {
        var node = (BooleanNode)QueryParser.Parse("a b OR c");
        Assert.That(node.Clauses.Select(c => c.Occur), Is.All.EqualTo(Occur.Should));
        Assert.That(node.Clauses[0].Node, Is.TypeOf<BooleanNode>());
        Assert.That(node.Clauses[1].Node, Is.EqualTo(new TermNode(null, "c")));
    }

    [TestCase("-oslo evin", Occur.MustNot)]
    [TestCase("NOT oslo evin", Occur.MustNot)]
    [TestCase("!oslo evin", Occur.MustNot)]
    [TestCase("+oslo evin", Occur.Must)]
    public void Prefix_operators_set_how_a_clause_counts(string query, Occur expected)
    {
        var node = (BooleanNode)QueryParser.Parse(query);
        Assert.That(node.Clauses[0], Is.EqualTo(new Clause(expected, new TermNode(null, "oslo"))));
    }

    [Test]
    public void A_hyphen_inside_a_word_is_part_of_the_word() =>
        Assert.That(QueryParser.Parse("Pour-Mohammadi"), Is.EqualTo(new TermNode(null, "Pour-Mohammadi")));

    [Test]
    public void A_dash_standing_alone_is_punctuation() =>
        Assert.That(((BooleanNode)QueryParser.Parse("Evin - Tehran")).Clauses, Has.Count.EqualTo(2));

    [TestCase("\"death commission\"", "death commission")]
    [TestCase("\"say \\\"no\\\"\"", "say \"no\"")]
    public void Quotes_make_a_phrase(string query, string phrase) =>
        Assert.That(QueryParser.Parse(query), Is.EqualTo(new PhraseNode(null, phrase)));

    [Test]
    public void Field_value_and_field_groups()
    {
        Assert.That(QueryParser.Parse("title:massacre"), Is.EqualTo(new TermNode("title", "massacre")));
        Assert.That(QueryParser.Parse("PERSON:khamenei"), Is.EqualTo(new TermNode("person", "khamenei")));
        var group = (BooleanNode)QueryParser.Parse("title:(massacre prisoners)");
        Assert.That(group.Clauses.Select(c => ((TermNode)c.Node).Field), Is.All.EqualTo("title"));
    }

    [Test]
    public void Prefix_and_fuzzy()
    {
        Assert.That(QueryParser.Parse("khamen*"), Is.EqualTo(new PrefixNode(null, "khamen")));
        Assert.That(QueryParser.Parse("khamenie~"), Is.EqualTo(new FuzzyNode(null, "khamenie", 2)));
        Assert.That(QueryParser.Parse("khamenie~1"), Is.EqualTo(new FuzzyNode(null, "khamenie", 1)));
    }

    [Test]
    public void Ranges_and_comparisons()
    {
        Assert.That(QueryParser.Parse("date:[1988-07-01 TO 1988-12-31]"), Is.EqualTo(new RangeNode("date", "1988-07-01", "1988-12-31", true, true)));
        Assert.That(QueryParser.Parse("figure:{30000 TO *]"), Is.EqualTo(new RangeNode("figure", "30000", null, false, true)));
        Assert.That(QueryParser.Parse("figure:>10000"), Is.EqualTo(new RangeNode("figure", "10000", null, false, true)));
        Assert.That(QueryParser.Parse("figure:<=5"), Is.EqualTo(new RangeNode("figure", null, "5", true, true)));
        Assert.That(QueryParser.Parse("date:1988"), Is.EqualTo(new RangeNode("date", "1988", "1988", true, true)));
    }

    [TestCase("", TestName = "Empty query")]
    [TestCase("   ", TestName = "Blank query")]
    public void An_empty_query_matches_everything(string query) =>
        Assert.That(QueryParser.Parse(query), Is.TypeOf<MatchAllNode>());

    [TestCase("\"unclosed", "never closed")]
    [TestCase("(evin", "Missing ')'")]
    [TestCase("evin)", "closes nothing")]
    [TestCase("evin AND", "needs a search term")]
    [TestCase("OR evin", "Expected a search term")]
    [TestCase("color:red", "Unknown field 'color'")]
    [TestCase("title:[a TO b]", "does not take ranges")]
    [TestCase("date:[1988 TO]", "missing a bound")]
    [TestCase("date:[1988 1989]", "[low TO high]")]
    [TestCase("ev*n", "Wildcard")]
    [TestCase("*", "at least one letter")]
    [TestCase("evin~3", "0, 1 or 2 edits")]
    [TestCase("evin\\", "escapes nothing")]
    [TestCase("title:", "no value")]
    public void Malformed_queries_say_what_is_wrong(string query, string message)
    {
        var e = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));
        Assert.That(e!.Message, Does.Contain(message));
        Assert.That(e.Position, Is.InRange(0, query.Length));
    }

    [Test]
    public void A_huge_query_is_refused_before_parsing()
    {
        var e = Assert.Throws<QueryParseException>(() => QueryParser.Parse(new string('a', 100_000)));
        Assert.That(e!.Message, Does.Contain("limit"));
    }

    [Test]
    public void Deep_nesting_is_refused()
    {
        var query = new string('(', 40) + "a" + new string(')', 40);
        Assert.That(() => QueryParser.Parse(query), Throws.TypeOf<QueryParseException>().With.Message.Contains("nested"));
    }

    [Test]
    public void Control_characters_separate_words()
    {
        var node = (BooleanNode)QueryParser.Parse("evin\u0000prison\u001B");
        Assert.That(node.Clauses, Has.Count.EqualTo(2));
    }

    private static bool Same(QueryNode a, QueryNode b) => a switch
    {
        BooleanNode x when b is BooleanNode y => x.Clauses.Count == y.Clauses.Count && x.Clauses.Zip(y.Clauses).All(p => p.First.Occur == p.Second.Occur && Same(p.First.Node, p.Second.Node)),
        _ => a.Equals(b),
    };
}
