using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Search.Core.Analysis;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// Our postings are an inverted index of our own; FTS5, given the same analyzed terms, is the reference for what they
/// must say: the same tokens, for every term the same documents at the same positions, and for phrases the same
/// documents, through full builds, later writes in many commits, and deletions.
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
    public void Every_term_lists_the_documents_frequencies_and_positions_fts5_finds_in_the_same_terms_after_builds_writes_and_deletions()
    {
        using var corpus = new OracleCorpus();
        using var postings = new PostingsReader(long.MaxValue);
        var checkedTerms = 0;
        foreach (var (column, term, expected) in corpus.Oracle.Instances())
        {
            var chunks = postings.ReadChunksWithPositions(corpus.Connection, Array.IndexOf(PostingsBuffer.Columns, column), term);
            var ours = Decode(chunks).Where(p => corpus.Live.Contains(p.Doc)).ToList();

            Assert.That(ours, Is.EqualTo(expected), $"documents and positions of '{term}' in {column}");
            checkedTerms++;
        }

        Assert.That(checkedTerms, Is.GreaterThan(3000), "a real vocabulary was compared");
        Assert.That(corpus.Live, Has.Count.EqualTo(239), "200 built, 40 written one by one, one deleted");
    }

    [Test]
    public void Phrases_find_the_documents_fts5_finds_for_them_in_each_column_and_in_all()
    {
        using var corpus = new OracleCorpus();
        using var index = SearchIndex.Open(corpus.Path);
        var random = new Random(8);
        var rowids = corpus.Live.Order().ToArray();
        var compared = 0;
        var found = 0;
        for (var n = 0; n < 150; n++)
        {
            var rowid = rowids[random.Next(rowids.Length)];
            var column = n % 5 == 0 ? "title" : "body";
            var terms = FtsTokens.Split(corpus.Terms[rowid][Array.IndexOf(PostingsBuffer.Columns, column)]);
            var length = 2 + (n % 3);
            if (terms.Count < length)
            {
                continue;
            }

            var start = random.Next(terms.Count - length + 1);
            var phrase = terms.GetRange(start, length);
            List<MatchExpression> expressions = [new ColumnsMatch([column], new TermsMatch(phrase)), new TermsMatch(phrase)];
            // The same words out of order, which mostly is no phrase at all, and the phrase ending in a prefix.
            expressions.Add(new TermsMatch([.. Enumerable.Reverse(phrase)]));
            if (phrase[^1].Length > 3)
            {
                expressions.Add(new TermsMatch([.. phrase[..^1], phrase[^1][..3]], Prefix: true));
            }

            foreach (var expression in expressions)
            {
                var expected = corpus.Oracle.Match(expression.ToFts());
                var query = new CompiledQuery(expression, null, [], new HashSet<string>(), []);
                var results = index.Search(new SearchRequest { Query = query, Limit = 1000, CountFacets = false }, null);
                Assert.That(results.Hits.Select(h => corpus.Rowid(h.Id)).Order(), Is.EqualTo(expected), expression.ToFts());
                Assert.That(results.Total, Is.EqualTo(expected.Count), expression.ToFts());
                compared++;
                found += expected.Count;
            }
        }

        Assert.That(compared, Is.GreaterThan(300));
        Assert.That(found, Is.GreaterThan(300), "the phrases were found, not only missed");
    }

    [Test]
    public void A_text_longer_than_two_byte_positions_stores_four_byte_positions_and_its_phrases_are_found()
    {
        // 70,000 terms before the phrase: gaps and positions beyond what two bytes hold.
        var filler = string.Join(' ', Enumerable.Range(0, 70_000).Select(i => i % 2 == 0 ? "report" : "witness"));
        using var index = new TestIndex(new Dictionary<string, string>
        {
            ["long.txt"] = "Long\n\n" + filler + " evin prison " + filler + " qezel hesar",
            ["short.txt"] = "Short\n\nA visit to Evin prison.",
        });
        using var search = SearchIndex.Open(index.Directory.CurrentGeneration()!);
        using var connection = new SqliteConnection(IndexSchema.ConnectionString(search.Path, readOnly: true));
        connection.Open();
        using var reader = new PostingsReader(long.MaxValue);
        var evin = reader.ReadChunksWithPositions(connection, 1, "evin");

        Assert.That(evin.Positions.Select(p => p[0]), Is.All.EqualTo(4), "the chunk holding the long text is four bytes wide");
        Assert.That(Decode(evin).Select(p => p.Position), Does.Contain(70_001), "after the title line's term and the filler: a position past 65,535, stored as it is");
        Assert.That(PhraseHits(search, "evin", "prison"), Is.EquivalentTo(new[] { "long", "short" }));
        Assert.That(PhraseHits(search, "qezel", "hesar"), Is.EqualTo(new[] { "long" }), "a phrase at the very end of the long text");
        Assert.That(PhraseHits(search, "prison", "evin"), Is.Empty);
    }

    private static List<string> PhraseHits(SearchIndex index, params string[] terms)
    {
        var query = new CompiledQuery(new TermsMatch(terms), null, [], new HashSet<string>(), []);
        return [.. index.Search(new SearchRequest { Query = query, Limit = 10, CountFacets = false }, null).Hits.Select(h => h.Id)];
    }

    /// <summary>(rowid, position) of every occurrence in a term's chunks, in stored order.</summary>
    private static List<(int Doc, int Position)> Decode(TermChunks chunks)
    {
        var found = new List<(int, int)>();
        for (var c = 0; c < chunks.Data.Count; c++)
        {
            var data = chunks.Data[c];
            var positions = chunks.Positions[c];
            var width = positions[0];
            Assert.That(width, Is.EqualTo(2).Or.EqualTo(4), "a chunk's positions are two or four bytes wide");
            int d = 0, p = 1;
            var count = (int)Varint.Read(data, ref d);
            long doc = 0;
            for (var i = 0; i < count; i++)
            {
                doc += (long)Varint.Read(data, ref d);
                var frequency = (int)Varint.Read(data, ref d);
                var position = 0;
                for (var f = 0; f < frequency; f++)
                {
                    position += width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(positions.AsSpan(p)) : BinaryPrimitives.ReadInt32LittleEndian(positions.AsSpan(p));
                    p += width;
                    found.Add(((int)doc, position));
                }
            }

            Assert.That(p, Is.EqualTo(positions.Length), "every position of the chunk belongs to one of its documents");
        }

        return found;
    }

    /// <summary>
    /// An index of 240 real documents (a full build of 200, then 40 written one commit each, one replaced and one
    /// deleted), and beside it an FTS5 table in memory holding the same analyzed terms of its live documents under
    /// the same rowids: FTS5 is the reference for what our postings must say.
    /// </summary>
    private sealed class OracleCorpus : IDisposable
    {
        private readonly TempFolder _temp = new();
        private readonly Dictionary<string, int> _rowids = new(StringComparer.Ordinal);

        public OracleCorpus()
        {
            Path = _temp.Combine("index.db");
            var documents = RealDocuments(240).ToList();
            var analysis = new DocumentAnalysis(Analyzers.Settings, extractEntities: true);
            var analyzed = new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
            IndexedDocument Analyze(string id, string text, string hash) =>
                analyzed[id] = analysis.Analyze(TextFileReader.FromText(id, text, $"{id}.txt", hash));

            using (var writer = IndexWriter.Create(Path, new Dictionary<string, string>()))
            {
                for (var i = 0; i < 200; i++)
                {
                    writer.Add(Analyze($"d{i:D3}", documents[i], $"h{i}"));
                }

                writer.Optimize();
            }

            using (var writer = IndexWriter.Open(Path))
            {
                // Later writes, each its own commit (as the API's PUT and DELETE make them): many chunks per term.
                for (var i = 200; i < documents.Count; i++)
                {
                    writer.Add(Analyze($"d{i:D3}", documents[i], $"h{i}"));
                    writer.Commit();
                }

                // A replaced and a deleted document: our postings keep their old rowids for readers to skip.
                writer.Add(Analyze("d005", documents[7], "changed"));
                writer.Delete("d006");
                analyzed.Remove("d006");
                writer.Commit();
            }

            Connection = new SqliteConnection(IndexSchema.ConnectionString(Path, readOnly: true));
            Connection.Open();
            using (var command = Connection.CreateCommand())
            {
                command.CommandText = "SELECT id, rowid FROM docs";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    _rowids[reader.GetString(0)] = (int)reader.GetInt64(1);
                }
            }

            Live = [.. _rowids.Values];
            Terms = analyzed.ToDictionary(a => _rowids[a.Key], a => new[] { Text(a.Value.TitleTerms), Text(a.Value.BodyTerms), a.Value.TagTerms });
            Oracle = new Fts5Oracle(Terms);
        }

        public string Path { get; }

        private static string Text(IReadOnlyList<int> terms) => string.Join(' ', terms.Select(TermNumbers.Term));

        public SqliteConnection Connection { get; }

        public HashSet<int> Live { get; }

        /// <summary>Per live rowid, the analyzed terms of its title, body and tags, as written.</summary>
        public Dictionary<int, string[]> Terms { get; }

        public Fts5Oracle Oracle { get; }

        public int Rowid(string id) => _rowids[id];

        public void Dispose()
        {
            Oracle.Dispose();
            Connection.Dispose();
            SqliteConnection.ClearAllPools();
            _temp.Dispose();
        }
    }

    /// <summary>An FTS5 table in memory with the tokenizer our terms follow: what FTS5 would answer for the same terms.</summary>
    private sealed class Fts5Oracle : IDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:");

        public Fts5Oracle(Dictionary<int, string[]> terms)
        {
            _connection.Open();
            Execute(_connection, "CREATE VIRTUAL TABLE fts USING fts5(title, body, tags, tokenize=\"ascii tokenchars '._'\"); CREATE VIRTUAL TABLE v USING fts5vocab(fts, instance);");
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO fts(rowid, title, body, tags) VALUES ($r, $t, $b, $g)";
            foreach (var (rowid, columns) in terms)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$r", rowid);
                insert.Parameters.AddWithValue("$t", columns[0]);
                insert.Parameters.AddWithValue("$b", columns[1]);
                insert.Parameters.AddWithValue("$g", columns[2]);
                insert.ExecuteNonQuery();
            }
        }

        /// <summary>Per column and term, every (rowid, position) FTS5 holds, in rowid and position order.</summary>
        public IEnumerable<(string Column, string Term, List<(int Doc, int Position)> Occurrences)> Instances()
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT col, term, doc, offset FROM v ORDER BY col, term, doc, offset";
            using var reader = command.ExecuteReader();
            (string Column, string Term)? current = null;
            var occurrences = new List<(int, int)>();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (current is not null && current != key)
                {
                    yield return (current.Value.Column, current.Value.Term, occurrences);
                    occurrences = [];
                }

                current = key;
                occurrences.Add(((int)reader.GetInt64(2), (int)reader.GetInt64(3)));
            }

            if (current is not null)
            {
                yield return (current.Value.Column, current.Value.Term, occurrences);
            }
        }

        public List<int> Match(string fts)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT rowid FROM fts WHERE fts MATCH $m ORDER BY rowid";
            command.Parameters.AddWithValue("$m", fts);
            var rowids = new List<int>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rowids.Add((int)reader.GetInt64(0));
            }

            return rowids;
        }

        public void Dispose() => _connection.Dispose();
    }

    [Test]
    public void A_varint_length_is_the_number_of_bytes_its_writing_takes()
    {
        // Every boundary of seven bits, either side, and the largest value.
        var values = Enumerable.Range(1, 9).SelectMany(k => new[] { (1UL << (7 * k)) - 1, 1UL << (7 * k) }).Append(0UL).Append(ulong.MaxValue);
        Span<byte> scratch = stackalloc byte[10];
        foreach (var value in values)
        {
            Assert.That(Varint.Length(value), Is.EqualTo(Varint.Write(scratch, value)), $"{value}");
        }
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
