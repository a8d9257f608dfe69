using Microsoft.Data.Sqlite;
using Search.Core.Indexing;
using Search.Core.Searching;
using Search.Core.Tests.Analysis;

namespace Search.Core.Tests.Searching;

/// <summary>
/// After a write the vocabulary is the one before with the postings written since counted in: found by looking up
/// the terms the writer listed, or, when it listed none (a large run), by a scan of the postings after the sequence
/// held. Either way it must be the vocabulary read afresh at the new sequence: every term of the text columns with its
/// documents, each column's terms, the near terms of a fuzzy search; for writes of known words only and of new ones.
/// </summary>
public class VocabularyExtensionTests
{
    [Test]
    public void A_vocabulary_extended_by_the_listed_terms_or_by_a_scan_is_the_one_read_afresh()
    {
        var english = RealCorpusAnalysisTests.Documents("en", 30).ToList();
        var persian = RealCorpusAnalysisTests.Documents("fa", 30).ToList();
        var files = english.Take(20).Select((t, i) => ($"en-{i}.txt", t)).Concat(persian.Take(20).Select((t, i) => ($"fa-{i}.txt", t))).ToDictionary();
        using var index = new TestIndex(files);
        var live = new LiveIndex(index.Host, Analyzers.Settings, new WriterGate());
        var path = index.Directory.CurrentGeneration()!;
        using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
        connection.Open();

        var writes = new (string What, SourceDocument Document)[]
        {
            ("a text of words known already", ApiDocuments.FromText("again-en", english[3])),
            ("a Persian text of words known already", ApiDocuments.FromText("again-fa", persian[4])),
            ("new words", ApiDocuments.FromText("new-words", "Zorblax testimony\nThe zorblax tribunal heard quixotical witnesses in Qarnabad. دادگاه زربلاکس شاهدان را شنید.")),
            ("a replacement across languages", ApiDocuments.FromText("en-2", persian[25])),
        };
        foreach (var (what, document) in writes)
        {
            var from = Sequence(connection);
            var before = Vocabulary.Load(connection, from);
            live.Upsert(document);
            var to = Sequence(connection);
            Assert.That(to, Is.GreaterThan(from), $"{what}: the write flushed postings");

            var fresh = Vocabulary.Load(connection, to);
            AssertAlike(before.Extend(connection, from, to, WrittenSince(connection, from)), fresh, $"{what}, the listed terms looked up");
            AssertAlike(before.Extend(connection, from, to), fresh, $"{what}, the postings scanned");
        }

        var last = Vocabulary.Load(connection, Sequence(connection));
        Assert.That(last.ColumnTermsStartingWith(1, "zorblax", 5), Is.Not.Empty, "the new words are in the vocabulary compared");
    }

    private static void AssertAlike(Vocabulary actual, Vocabulary expected, string what)
    {
        Assert.That(actual.StartingWith("", int.MaxValue), Is.EqualTo(expected.StartingWith("", int.MaxValue)), $"{what}: terms and their documents");
        Assert.That(actual.TermsInAtLeast(1), Is.EqualTo(expected.TermsInAtLeast(1)), $"{what}: terms by documents");
        for (var column = 0; column < PostingsBuffer.Columns.Length; column++)
        {
            Assert.That(actual.ColumnTermsStartingWith(column, "", int.MaxValue), Is.EqualTo(expected.ColumnTermsStartingWith(column, "", int.MaxValue)), $"{what}: column {column}");
        }

        foreach (var word in (string[])["zorblax", "witnes", "tribunl", "شاهدن", "دادگا", "governmnt"])
        {
            Assert.That(actual.Near(word, 2), Is.EqualTo(expected.Near(word, 2)), $"{what}: near '{word}'");
        }
    }

    /// <summary>Every (column, term) with a chunk after <paramref name="from"/>: what the writer of those chunks lists.</summary>
    private static HashSet<(int Column, string Term)> WrittenSince(SqliteConnection connection, long from)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT col, term FROM postings WHERE seq > $from";
        command.Parameters.AddWithValue("$from", from);
        using var reader = command.ExecuteReader();
        var written = new HashSet<(int, string)>();
        while (reader.Read())
        {
            written.Add(((int)reader.GetInt64(0), reader.GetString(1)));
        }

        return written;
    }

    private static long Sequence(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", IndexSchema.PostingsSequenceKey);
        return long.Parse((string)command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
