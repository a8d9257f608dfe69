using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Generated malformed and hostile queries against the running service: every answer is a 200 or a 400 problem.</summary>
public class HostileQueryTests : ApiTest
{
    private static readonly string[] Pieces =
    [
        "\"", "(", ")", "[", "]", "{", "}", ":", "*", "~", "~1", "^2", "\\", "-", "+", "!", "AND", "OR", "NOT", "NEAR(", "NEAR/2",
        "title:", "body:", "date:", "figure:", "person:", "lang:", "TO", ">", "<=", "\u0000", "\u0007", "\u200C", "\u202E",
        "evin", "اوین", "۱۳۶۷", "33,000", "'", "';--", "%", "%00", "\r\n", " ", "\uD83D\uDE00", "\uD800", "khamen*", "a~", "{title}",
        "\"\"", "*:*", "rowid", "fts", "MATCH", "^", "مُحَمَّد", "کتاب\u200Cها",
    ];

    [Test]
    public async Task Thousands_of_generated_queries_get_a_200_or_a_400_problem()
    {
        var random = new Random(42);
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 2000; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var response = await Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.BadRequest), $"{query} → {body}");
            using var json = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.That(json.RootElement.GetProperty("hits").ValueKind, Is.EqualTo(JsonValueKind.Array), query);
            }
            else
            {
                Assert.That(json.RootElement.GetProperty("detail").GetString(), Is.Not.Empty, query);
            }
        }

        Assert.That(statuses.Keys, Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }), "the generator reaches both outcomes");
    }

    [Test]
    public async Task A_100_kilobyte_query_is_a_400()
    {
        var response = await Client.GetAsync("/api/search?q=" + new string('a', 100_000));
        Assert.That((int)response.StatusCode, Is.EqualTo(400).Or.EqualTo(414), "refused as too long, by us or by the server's URL limit");
    }
}
