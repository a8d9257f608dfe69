using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>Thousands of generated hostile queries: the parser either returns a tree or a QueryParseException, nothing else.</summary>
public class QueryParserFuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "(", ")", "[", "]", "{", "}", ":", "*", "~", "~9", "^", "\\", "-", "+", "!", "AND", "OR", "NOT", "&&", "||",
        "NEAR", "NEAR(", "title:", "date:", "figure:", "person:", "lang:", "TO", ">", "<=", "\u0000", "\u200C", "\u202E",
        "evin", "اوین", "۱۳۶۷", "33,000", "'", "%", ";", "--", "/*", "\n", " ", "  ", "﷽", "\uD83D\uDE00", "\uD800",
    ];

    [Test]
    public void Generated_hostile_queries_never_throw_anything_else()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 20_000; i++)
        {
            var count = random.Next(1, 12);
            var query = string.Concat(Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));
            try
            {
                Assert.That(QueryParser.Parse(query), Is.Not.Null);
            }
            catch (QueryParseException e)
            {
                Assert.That(e.Message, Is.Not.Empty, query);
            }
        }
    }
}
