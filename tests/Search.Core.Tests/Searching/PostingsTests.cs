using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// Our postings, written beside FTS5, must say what FTS5 says: the same tokens, and for every term the same documents
/// with the same frequencies, through full builds, later writes in many commits, and deletions.
/// </summary>
public class PostingsTests
{
    [Test]
    public void Our_tokens_are_the_tokens_fts5_makes_of_the_same_text()
    {
        string[] texts =
        [
            "evin prison 3.5 8.8.1 lang_fa person_khamenei",
            "O'Brien's Hello-World, UPPER lower (paren) [bracket] a/b c\\d e+f",
            "کتاب\u200Cها می\u200Cخواهم ۳۰٬۰۰۰ نفر؛ «گزارش» - تهران",
            "mixed تهران-Tehran 2016-08-28 #tag @user 50% x*y \"quoted\"",
        ];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5(c, tokenize=\"ascii tokenchars '._'\"); CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);");
        for (var i = 0; i < texts.Length; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t(rowid, c) VALUES ($r, $c)";
            insert.Parameters.AddWithValue("$r", i + 1);
            insert.Parameters.AddWithValue("$c", texts[i]);
            insert.ExecuteNonQuery();
        }

        for (var i = 0; i < texts.Length; i++)
        {
            var fts5 = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT term FROM v WHERE doc = $r ORDER BY offset";
            command.Parameters.AddWithValue("$r", i + 1);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                fts5.Add(reader.GetString(0));
            }

            Assert.That(FtsTokens.Split(texts[i]), Is.EqualTo(fts5), texts[i]);
        }
    }

    [Test]
    public void Every_term_lists_the_documents_and_frequencies_fts5_has_for_it_after_builds_writes_and_deletions()
    {
        using var temp = new TempFolder();
        var sources = temp.Combine("sources");
        Directory.CreateDirectory(sources);
        var documents = RealDocuments(240).ToList();
        for (var i = 0; i < 200; i++)
        {
            File.WriteAllText(Path.Combine(sources, $"d{i:D3}.txt"), documents[i]);
        }

        var directory = new IndexDirectory(temp.Combine("index"));
        var built = new ReindexRunner(Analyzers.Settings).RunFull(directory, [new FolderSource(sources)]).Added;
        var path = directory.CurrentGeneration()!;

        // Later writes, each its own commit (as the API's PUT and DELETE make them): many chunks per term.
        var analysis = new DocumentAnalysis(Analyzers.Settings, extractEntities: true);
        using (var writer = IndexWriter.Open(path))
        {
            for (var i = 200; i < documents.Count; i++)
            {
                writer.Add(analysis.Analyze(TextFileReader.FromText($"d{i:D3}", documents[i], $"d{i:D3}.txt", $"h{i}")));
                writer.Commit();
            }

            // Replaced and deleted documents: FTS5 forgets them, our postings keep their rowids for readers to skip.
            writer.Add(analysis.Analyze(TextFileReader.FromText("d005", documents[7], "d005.txt", "changed")));
            writer.Delete("d006");
            writer.Commit();
        }

        using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
        connection.Open();
        var live = Rowids(connection, "SELECT rowid FROM docs");
        var postings = new PostingsReader(long.MaxValue);
        Execute(connection, "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, col)");
        var checkedTerms = 0;
        using var vocabulary = connection.CreateCommand();
        vocabulary.CommandText = "SELECT term, col, doc, cnt FROM temp.vocab";
        using var terms = vocabulary.ExecuteReader();
        while (terms.Read())
        {
            var term = terms.GetString(0);
            var column = Array.IndexOf(PostingsBuffer.Columns, terms.GetString(1));
            var list = postings.Get(connection, column, term);
            var ours = Enumerable.Range(0, list.Count).Where(i => live.Contains(list.Docs[i])).ToList();
            var fts5 = Rowids(connection, "SELECT rowid FROM fts WHERE fts MATCH $m ORDER BY rowid", new ColumnsMatch([terms.GetString(1)], new TermsMatch([term])).ToFts());

            Assert.That(ours.Select(i => list.Docs[i]), Is.EqualTo(fts5), $"documents of '{term}' in {terms.GetString(1)}");
            Assert.That(ours.Count, Is.EqualTo(terms.GetInt64(2)), $"document count of '{term}'");
            Assert.That(ours.Sum(i => (long)list.Frequencies[i]), Is.EqualTo(terms.GetInt64(3)), $"occurrences of '{term}'");
            checkedTerms++;
        }

        Assert.That(checkedTerms, Is.GreaterThan(1000), "a real vocabulary was compared");
        Assert.That(live, Has.Count.EqualTo(built + (documents.Count - 200) - 1), "the built documents, the written ones, less the deleted one");
    }

    [Test]
    public void A_reader_sees_the_postings_of_the_state_it_opened_and_the_next_one_sees_the_writes()
    {
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["a.txt"] = "Report on Evin prison.",
            ["b.txt"] = "Report on Gohardasht prison.",
        });
        var path = index.Directory.CurrentGeneration()!;
        var analysis = new DocumentAnalysis(Analyzers.Settings, extractEntities: true);
        using var before = SearchIndex.Open(path);
        using (var writer = IndexWriter.Open(path))
        {
            writer.Add(analysis.Analyze(TextFileReader.FromText("c", "Another report on Evin prison.", "c.txt", "c")));
            writer.Add(analysis.Analyze(TextFileReader.FromText("a", "Report on Qezel Hesar prison.", "a.txt", "a2")));
            writer.Commit();
        }

        using var after = SearchIndex.Open(path);
        Assert.That(Ids(before, "evin"), Is.EqualTo(new[] { "a" }), "the old state, whole: neither the new document nor the replacement");
        Assert.That(Ids(after, "evin"), Is.EqualTo(new[] { "c" }));
        Assert.That(Ids(after, "prison"), Is.EquivalentTo(new[] { "a", "b", "c" }), "a replaced document counts once");
    }

    private static string[] Ids(SearchIndex index, string text)
    {
        var analyzers = Analyzers.Settings.Analyzers;
        var compiler = new QueryCompiler(analyzers.ForField, analyzers.NormalizerForField, new IndexQueryExpansion(index, Analyzers.Settings.Extractor.Gazetteer));
        var request = new SearchRequest { Query = compiler.Compile(QueryParser.Parse(text)), Limit = 10, CountFacets = false };
        return [.. index.Search(request, null).Hits.Select(h => h.Id)];
    }

    /// <summary>Real documents from ../shared/corpus, Persian and English alternating; the seeds where it is absent.</summary>
    private static IEnumerable<string> RealDocuments(int count)
    {
        var readers = new[] { "fa", "en" }
            .Select(l => Path.Combine(RepositoryPaths.Shared, "corpus", $"corpus-{l}.jsonl.gz"))
            .Where(File.Exists)
            .Select(p => new StreamReader(new GZipStream(File.OpenRead(p), CompressionMode.Decompress)))
            .ToList();
        if (readers.Count == 0)
        {
            Assert.Ignore("../shared/corpus is not on this machine: this check needs real documents.");
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                var line = readers[i % readers.Count].ReadLine()!;
                using var json = JsonDocument.Parse(line);
                yield return json.RootElement.GetProperty("title").GetString() + "\n\n" + json.RootElement.GetProperty("body").GetString();
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private static HashSet<int> Rowids(SqliteConnection connection, string sql, string? match = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (match is not null)
        {
            command.Parameters.AddWithValue("$m", match);
        }

        var rowids = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add((int)reader.GetInt64(0));
        }

        return [.. rowids];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
