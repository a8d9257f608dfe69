using System.Text.Json;
using Search.Core.Analysis;
using Search.Core.Configuration;

namespace Search.Benchmarks;

/// <summary>
/// Query sets per class, drawn reproducibly from a corpus, half Persian and half English: rare term, common term,
/// two-term AND, OR, phrase, prefix, fuzzy. Written as qid TAB query files, one per class, in the classic syntax both
/// engines read.
/// </summary>
internal static class QueriesCommand
{
    public static readonly string[] Classes = ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"];

    public static int Run(Arguments a)
    {
        var random = new Random(a.Int("seed", 1));
        var perClass = a.Int("per-class", 50);
        var analyzer = IndexSettings.Load(ConfigDirectory.Resolve(a.Get("config", null!))).Analyzers.ForField("body");
        var sample = new List<(string Lang, List<string> Words)>();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(a.Get("corpus")).Take(a.Int("sample", 30_000)))
        {
            using var json = JsonDocument.Parse(line);
            var lang = json.RootElement.GetProperty("lang").GetString()!;
            var words = ScriptTokenizer.Tokenize(json.RootElement.GetProperty("body").GetString()!)
                .Where(t => t.Script != TokenScript.Number)
                .Select(t => t.Script == TokenScript.Latin ? t.Term.ToLowerInvariant() : t.Term)
                .Where(w => w.Length >= 3 && !w.Contains('\'') && !w.Contains('\u2019') && !w.Contains('\u200C') && !w.Contains('.'))
                .ToList();
            sample.Add((lang, words));
            foreach (var w in words.Distinct())
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        var n = sample.Count;
        bool Content(string w) => analyzer.Analyze(w).Count == 1;
        List<string> Band(string lang, double low, double high) =>
            [.. df.Where(p => p.Value >= low * n && p.Value <= high * n && IsLang(p.Key, lang) && Content(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal)];

        var output = a.Get("out");
        Directory.CreateDirectory(output);
        foreach (var cls in Classes)
        {
            var lines = new List<string>();
            foreach (var lang in new[] { "fa", "en" })
            {
                var rare = df.Where(p => p.Value is >= 2 and <= 5 && IsLang(p.Key, lang) && p.Key.Length >= 5 && Content(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var common = Band(lang, 0.05, 0.5);
                var middle = Band(lang, 0.002, 0.05);
                var docs = sample.Where(s => s.Lang == lang && s.Words.Count > 10).ToList();
                for (var i = 0; i < perClass / 2; i++)
                {
                    var query = cls switch
                    {
                        "rare" => Pick(rare, random),
                        "common" => Pick(common, random),
                        "and" => CoOccurring(docs, middle, random) is var (x, y) ? $"{x} AND {y}" : null,
                        "or" => $"{Pick(middle, random)} OR {Pick(middle, random)}",
                        "phrase" => Bigram(docs, df, n, random) is { } bigram ? $"\"{bigram}\"" : null,
                        "prefix" => Pick(middle.Where(w => w.Length >= 6).ToList(), random) is { } word ? word[..(lang == "fa" ? 3 : 4)] + "*" : null,
                        "fuzzy" => Pick(middle.Where(w => w.Length >= 6).ToList(), random) is { } fuzzy ? Misspell(fuzzy, random) + "~1" : null,
                        _ => null,
                    };
                    if (query is not null)
                    {
                        lines.Add($"{cls}-{lang}-{i:D2}\t{query}");
                    }
                }
            }

            File.WriteAllLines(Path.Combine(output, cls + ".tsv"), lines);
        }

        Console.Error.WriteLine($"query sets for {string.Join(", ", Classes)} written to {output} (from {n} documents)");
        return 0;
    }

    private static bool IsLang(string word, string lang) => (word[0] >= '\u0600' && word[0] <= '\u06FF') == (lang == "fa");

    private static string? Pick(List<string> words, Random random) => words.Count == 0 ? null : words[random.Next(words.Count)];

    private static (string, string)? CoOccurring(List<(string Lang, List<string> Words)> docs, List<string> middle, Random random)
    {
        var set = middle.ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var words = docs[random.Next(docs.Count)].Words.Where(set.Contains).Distinct().ToList();
            if (words.Count >= 2)
            {
                var x = words[random.Next(words.Count)];
                var y = words[random.Next(words.Count)];
                if (x != y)
                {
                    return (x, y);
                }
            }
        }

        return null;
    }

    private static string? Bigram(List<(string Lang, List<string> Words)> docs, Dictionary<string, int> df, int n, Random random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var words = docs[random.Next(docs.Count)].Words;
            var i = random.Next(words.Count - 1);
            if (df[words[i]] >= 0.001 * n && df[words[i + 1]] >= 0.001 * n && words[i] != words[i + 1])
            {
                return $"{words[i]} {words[i + 1]}";
            }
        }

        return null;
    }

    private static string Misspell(string word, Random random)
    {
        var chars = word.ToCharArray();
        var i = 1 + random.Next(chars.Length - 2);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }
}
