using System.Text.Json.Nodes;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core.Tests.Indexing;

/// <summary>Full and incremental runs on real index files, and what each leaves behind.</summary>
public class ReindexRunnerTests
{
    private TempFolder _temp = null!;
    private string _sources = null!;
    private IndexDirectory _directory = null!;

    [SetUp]
    public void CreateFolders()
    {
        _temp = new TempFolder();
        _sources = _temp.Combine("sources");
        Directory.CreateDirectory(_sources);
        _directory = new IndexDirectory(_temp.Combine("index"));
        for (var i = 0; i < 20; i++)
        {
            Write($"doc{i:D2}.txt", $"Document {i} about Evin prison and the massacre of 1988.");
        }
    }

    [TearDown]
    public void DeleteFolders() => _temp.Dispose();

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_sources, name), text);

    private ReindexReport Run(ReindexMode mode, IndexSettings? settings = null, IndexHost? host = null, IProgress<ReindexProgress>? progress = null, WriterGate? gate = null) =>
        new ReindexRunner(settings ?? Analyzers.Settings, gate).Run(_directory, [new FolderSource(_sources)], mode, host, progress);

    private int Count(string query)
    {
        using var host = new IndexHost(_directory);
        return new SqliteSearchEngine(host, Analyzers.Settings).Search(new SearchQuery { Text = query, Limit = 1 }).Total;
    }

    [Test]
    public void The_first_incremental_run_builds_everything()
    {
        var report = Run(ReindexMode.Incremental);
        Assert.That((report.Mode, report.Added), Is.EqualTo(("full", 20)));
        Assert.That(Count("evin"), Is.EqualTo(20));
    }

    [Test]
    public void A_full_build_keeps_one_document_per_id_the_last_one_read()
    {
        // Two records with one id in a JSONL file: the later replaces the earlier, in the new generation as anywhere.
        Write("records.jsonl", """
            {"id": "twice", "lang": "en", "title": "First", "body": "The first telling names Gohardasht."}
            {"id": "once", "lang": "en", "title": "Other", "body": "Another record about Khavaran."}
            {"id": "twice", "lang": "en", "title": "Second", "body": "The second telling names Ghezel Hesar."}
            """);
        Run(ReindexMode.Full);

        Assert.That(Count("gohardasht"), Is.EqualTo(0));
        Assert.That(Count("hesar"), Is.EqualTo(1));
        Assert.That(Count("khavaran"), Is.EqualTo(1));
        Assert.That(Count("evin"), Is.EqualTo(20));
        using var host = new IndexHost(_directory);
        Assert.That(new SqliteSearchEngine(host, Analyzers.Settings).GetDocument("twice")!.Title, Is.EqualTo("Second"));
    }

    [Test]
    public void An_incremental_run_touches_only_what_changed()
    {
        Run(ReindexMode.Full);
        Write("doc03.txt", "Document 3 now about Gohardasht.");
        Write("new.txt", "A new document about Khavaran.");
        File.Delete(Path.Combine(_sources, "doc07.txt"));

        var report = Run(ReindexMode.Incremental);

        Assert.That((report.Mode, report.Added, report.Updated, report.Deleted, report.Unchanged), Is.EqualTo(("incremental", 1, 1, 1, 18)));
        Assert.That(Count("evin"), Is.EqualTo(18));
        Assert.That(Count("gohardasht"), Is.EqualTo(1));
        Assert.That(Count("khavaran"), Is.EqualTo(1));
        Assert.That(_directory.Generations(), Has.Count.EqualTo(1), "an incremental run writes no new generation");
    }

    [Test]
    public void A_run_with_nothing_changed_changes_nothing()
    {
        Run(ReindexMode.Full);
        var report = Run(ReindexMode.Incremental);
        Assert.That((report.Added, report.Updated, report.Deleted, report.Unchanged), Is.EqualTo((0, 0, 0, 20)));
    }

    [Test]
    public void Changed_settings_turn_an_incremental_run_into_a_full_one()
    {
        Run(ReindexMode.Full);
        var config = _temp.Combine("config");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Config, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(config, Path.GetRelativePath(RepositoryPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var analyzers = Path.Combine(config, "analyzers.json");
        var json = JsonNode.Parse(File.ReadAllText(analyzers))!;
        json["fields"]!["body"]!["stem"] = false;
        File.WriteAllText(analyzers, json.ToJsonString());
        var changed = IndexSettings.Load(config);

        Assert.That(new ReindexRunner(changed).WhyFull(_directory), Does.Contain("analyzers"));
        var report = Run(ReindexMode.Incremental, changed);
        Assert.That((report.Mode, report.Added), Is.EqualTo(("full", 20)));
        Assert.That(new ReindexRunner(changed).WhyFull(_directory), Is.Null);
    }

    [Test]
    public void An_index_of_an_older_schema_is_refused_with_a_message_and_rebuilt_in_full_by_an_incremental_run()
    {
        // A generation written by the previous version (6 kept the title in the texts row): opening it says what to
        // do rather than failing on a missing column, and the scheduled (incremental) run rebuilds it.
        Run(ReindexMode.Full);
        var old = _directory.CurrentGeneration()!;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(IndexSchema.ConnectionString(old, readOnly: false)))
        {
            connection.Open();
            IndexSchema.Execute(connection, "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var refused = Assert.Throws<IndexFormatException>(() => SearchIndex.Open(old).Dispose());
        Assert.That(refused!.Message, Does.Contain("schema version 6").And.Contain($"reads version {IndexSchema.Version}").And.Contain("Rebuild"));
        Assert.That(new ReindexRunner(Analyzers.Settings).WhyFull(_directory), Does.Contain("another schema"));

        var report = Run(ReindexMode.Incremental);
        Assert.That((report.Mode, report.Added), Is.EqualTo(("full", 20)));
        Assert.That(_directory.CurrentGeneration(), Is.Not.EqualTo(old));
        Assert.That(Count("evin"), Is.EqualTo(20));
    }

    [Test]
    public void A_file_that_breaks_keeps_what_was_indexed_of_it()
    {
        Run(ReindexMode.Full);
        File.WriteAllBytes(Path.Combine(_sources, "doc05.txt"), [0x00, 0x01, 0x02]);
        var report = Run(ReindexMode.Incremental);
        Assert.That(report.Deleted, Is.Zero);
        Assert.That(report.Skipped.Single().Source, Is.EqualTo("doc05.txt"));
        Assert.That(Count("evin"), Is.EqualTo(20));
    }

    [Test]
    public void A_missing_source_folder_deletes_nothing()
    {
        Run(ReindexMode.Full);
        var report = new ReindexRunner(Analyzers.Settings).Run(_directory, [new FolderSource(_sources), new FolderSource(_temp.Combine("unmounted"))], ReindexMode.Incremental);
        Assert.That(report.Deleted, Is.Zero);
        Assert.That(report.Skipped.Single().Reason, Does.Contain("does not exist"));
    }

    [Test]
    public void An_id_withdrawn_in_one_source_is_indexed_from_none_until_the_withdrawal_goes()
    {
        // As the API leaves it in its documents folder when it deletes a document that a source folder has.
        var documents = _temp.Combine("documents");
        Directory.CreateDirectory(documents);
        File.WriteAllText(Path.Combine(documents, "doc05" + FolderSource.WithdrawalExtension), "");
        FolderSource[] sources = [new FolderSource(_sources), new FolderSource(documents)];

        var full = new ReindexRunner(Analyzers.Settings).Run(_directory, sources, ReindexMode.Full);
        Assert.That((full.Added, full.Withdrawn), Is.EqualTo((19, 1)));
        Assert.That(Count("evin"), Is.EqualTo(19));

        File.Delete(Path.Combine(documents, "doc05" + FolderSource.WithdrawalExtension));
        var incremental = new ReindexRunner(Analyzers.Settings).Run(_directory, sources, ReindexMode.Incremental);
        Assert.That((incremental.Added, incremental.Unchanged, incremental.Withdrawn), Is.EqualTo((1, 19, 0)));
        Assert.That(Count("evin"), Is.EqualTo(20));

        File.WriteAllText(Path.Combine(documents, "doc05" + FolderSource.WithdrawalExtension), "");
        var again = new ReindexRunner(Analyzers.Settings).Run(_directory, sources, ReindexMode.Incremental);
        Assert.That((again.Deleted, again.Withdrawn), Is.EqualTo((1, 1)), "withdrawn again, it goes from the index");
        Assert.That(Count("evin"), Is.EqualTo(19));
    }

    [Test]
    public void An_incremental_run_that_finds_nothing_changed_leaves_the_served_state_as_it_is()
    {
        Run(ReindexMode.Full);
        using var host = new IndexHost(_directory);
        using (var before = host.Acquire()!)
        {
            var report = Run(ReindexMode.Incremental, host: host);
            Assert.That((report.Added, report.Updated, report.Deleted, report.Unchanged), Is.EqualTo((0, 0, 0, 20)));
            using var after = host.Acquire()!;
            Assert.That(after.Index, Is.SameAs(before.Index), "its caches and counts stay: nothing was loaded again");
        }
    }

    [Test]
    public void An_incremental_run_serves_its_changes_by_reading_only_the_rows_it_wrote()
    {
        Run(ReindexMode.Full);
        using var host = new IndexHost(_directory);
        Write("doc03.txt", "Document 3, rewritten about Gohardasht.");
        Write("doc20.txt", "Document 20 about Khavaran.");
        File.Delete(Path.Combine(_sources, "doc07.txt"));

        var report = Run(ReindexMode.Incremental, host: host);

        Assert.That((report.Added, report.Updated, report.Deleted), Is.EqualTo((1, 1, 1)));
        var engine = new SqliteSearchEngine(host, Analyzers.Settings);
        Assert.That(engine.Search(new SearchQuery { Text = "evin", Limit = 0 }).Total, Is.EqualTo(18));
        Assert.That(engine.Search(new SearchQuery { Text = "gohardasht OR khavaran", Limit = 0 }).Total, Is.EqualTo(2));
        using var served = host.Acquire()!;
        Assert.That(served.Index.RowsRead, Is.EqualTo(2), "the served state was extended with the two rows written");
        Assert.That(served.Index.DocumentCount, Is.EqualTo(20));
    }

    [Test]
    public void A_full_rebuild_switches_generations_and_removes_the_old_one_once_drained()
    {
        Run(ReindexMode.Full);
        var first = _directory.CurrentGeneration();
        using var host = new IndexHost(_directory);
        var lease = host.Acquire()!;

        Run(ReindexMode.Full, host: host);

        Assert.That(_directory.CurrentGeneration(), Is.Not.EqualTo(first));
        Assert.That(File.Exists(first), Is.True, "a reader still holds the old generation");
        Assert.That(lease.Index.Search(new SearchRequest { Query = CompiledQuery.All, Limit = 1 }, null).Total, Is.EqualTo(20), "and can still read it");
        lease.Dispose();
        Assert.That(File.Exists(first), Is.False, "gone once its last reader is done");
    }

    [Test]
    public void Live_writes_during_a_full_rebuild_are_in_the_new_generation()
    {
        Run(ReindexMode.Full);
        using var gate = new WriterGate();
        var recorded = false;
        var progress = new Callback(_ =>
        {
            if (!recorded)
            {
                recorded = true;
                // As a PUT would while the rebuild reads its sources: written to the old generation and journaled.
                gate.Record("live-doc", TextFileReader.FromText("live-doc", "Written live about Qezel Hesar.", "api", "hash"));
                gate.Record("doc01", null);
            }
        });

        Run(ReindexMode.Full, progress: progress, gate: gate);

        Assert.That(Count("qezel"), Is.EqualTo(1));
        Assert.That(Count("evin"), Is.EqualTo(19), "the live delete is applied too");
    }

    [Test]
    public void A_failed_full_rebuild_leaves_the_served_generation_and_no_partial_file()
    {
        Run(ReindexMode.Full);
        var served = _directory.CurrentGeneration();
        var progress = new Callback(p =>
        {
            if (p.Processed == 5)
            {
                throw new IOException("disk full (simulated)");
            }
        });

        Assert.Throws<IOException>(() => Run(ReindexMode.Full, progress: progress));

        Assert.That(_directory.CurrentGeneration(), Is.EqualTo(served));
        Assert.That(_directory.Generations(), Is.EqualTo(new[] { served }));
        Assert.That(Count("evin"), Is.EqualTo(20));
    }

    private sealed class Callback(Action<ReindexProgress> action) : IProgress<ReindexProgress>
    {
        public void Report(ReindexProgress value) => action(value);
    }
}
