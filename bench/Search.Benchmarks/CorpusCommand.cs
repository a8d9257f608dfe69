using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Search.Benchmarks;

/// <summary>
/// A corpus of any size made reproducibly from the real ones: each document takes the language, length, title and
/// date of a real document drawn at random, and a body of real sentences of that language drawn at random until it
/// reaches that length. Vocabulary, phrases, names and numbers are the corpora's; their proportions of Persian and
/// English and their length distributions are kept.
/// </summary>
internal static class CorpusCommand
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '\u061F', '\n'];

    public static int Run(Arguments a)
    {
        var shared = a.Get("shared", Path.Combine("..", "shared"));
        var count = a.Int("docs", 100_000);
        var random = new Random(a.Int("seed", 1));
        var languages = new[] { "fa", "en" }.Select(l => Load(Path.Combine(shared, "corpus", $"corpus-{l}.jsonl.gz"))).ToArray();
        var faShare = (double)languages[0].Documents.Count / (languages[0].Documents.Count + languages[1].Documents.Count);
        using var output = new StreamWriter(a.Get("out"), false, new System.Text.UTF8Encoding(false), 1 << 20);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var language = languages[random.NextDouble() < faShare ? 0 : 1];
            var template = language.Documents[random.Next(language.Documents.Count)];
            sb.Clear();
            while (sb.Length < template.Length)
            {
                sb.Append(language.Sentences[random.Next(language.Sentences.Count)]).Append(' ');
            }

            var record = new JsonObject
            {
                ["id"] = $"s{i:D7}",
                ["lang"] = template.Lang,
                ["title"] = language.Documents[random.Next(language.Documents.Count)].Title,
                ["body"] = sb.ToString().TrimEnd(),
            };
            if (template.Date is not null)
            {
                record["date"] = template.Date;
            }

            output.WriteLine(record.ToJsonString());
        }

        Console.Error.WriteLine($"wrote {count} documents ({faShare:P0} Persian) to {a.Get("out")}");
        return 0;
    }

    private sealed record Template(string Lang, string Title, int Length, string? Date);

    private sealed record Language(List<Template> Documents, List<string> Sentences);

    private static Language Load(string path)
    {
        var documents = new List<Template>();
        var sentences = new List<string>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var body = root.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
            if (body.Length < 20)
            {
                continue;
            }

            var date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            documents.Add(new Template(root.GetProperty("lang").GetString()!, root.GetProperty("title").GetString() ?? "", body.Length, date));
            var start = 0;
            while (start < body.Length)
            {
                var end = body.IndexOfAny(SentenceEnds, start);
                end = end < 0 ? body.Length : end + 1;
                var sentence = body[start..end].Trim();
                if (sentence.Length > 10)
                {
                    sentences.Add(sentence);
                }

                start = end;
            }
        }

        return new Language(documents, sentences);
    }
}
