using Search.Tests.Shared;

namespace Search.Cli.Tests;

public class IndexAndSearchCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "search-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Index_then_search_the_seeds()
    {
        var index = Path.Combine(_folder, "index");
        var (exit, output, _) = CliProcess.Run($"index --source seeds --index \"{index}\"");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("full: added 2, updated 0, deleted 0, unchanged 0, withdrawn 0, skipped 0"));

        var (searchExit, results, _) = CliProcess.Run($"search --index \"{index}\" --query Oslo");
        Assert.That(searchExit, Is.Zero);
        Assert.That(results, Does.StartWith("1 hits"));
        Assert.That(results, Does.Contain("004_8f4efd12ef216f65").And.Contain("[Oslo]"));
    }

    [Test]
    public void Batch_search_writes_a_trec_run()
    {
        var index = Path.Combine(_folder, "index");
        CliProcess.Run($"index --source seeds --index \"{index}\"");
        var topics = Path.Combine(_folder, "topics.tsv");
        File.WriteAllText(topics, "q1\tNurizad Khamenei\nq2\tOslo press conference\nq3\t\"Oslo (press\n");
        var run = Path.Combine(_folder, "run.trec");

        var (exit, _, error) = CliProcess.Run($"search --index \"{index}\" --queries \"{topics}\" --k 5 --run-file \"{run}\" --tag test");

        Assert.That(exit, Is.Zero, error);
        var lines = File.ReadAllLines(run).Select(l => l.Split(' ')).ToList();
        Assert.That(lines, Has.All.Length.EqualTo(6));
        Assert.That(lines.First(l => l[0] == "q1")[2], Is.EqualTo("000_bf7e46f90931b774"));
        Assert.That(lines.First(l => l[0] == "q2")[2], Is.EqualTo("004_8f4efd12ef216f65"));
        Assert.That(lines.Where(l => l[0] == "q1").Select(l => l[3]), Is.EqualTo(new[] { "1", "2" }.Take(lines.Count(l => l[0] == "q1"))));
        Assert.That(lines.Select(l => l[1]), Is.All.EqualTo("Q0"));
        Assert.That(lines.Select(l => l[5]), Is.All.EqualTo("test"));
        Assert.That(lines.Any(l => l[0] == "q3"), Is.True, "syntax characters in batch topics are plain words");
    }

    [Test]
    public void Searching_a_folder_without_an_index_says_so()
    {
        var (exit, _, error) = CliProcess.Run($"search --index \"{Path.Combine(_folder, "none")}\" --query x");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no index"));
    }

    [Test]
    public void Indexing_while_another_process_writes_the_index_fails_with_the_reason_and_serves_what_was_there()
    {
        var index = Path.Combine(_folder, "index");
        CliProcess.Run($"index --source seeds --index \"{index}\"");
        var served = File.ReadAllText(Path.Combine(index, "CURRENT"));

        using (OtherWriterProcess.Hold(index))
        {
            var (exit, _, error) = CliProcess.Run($"index --source seeds --index \"{index}\" --mode full");
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Another process is writing to the index"));
        }

        Assert.That(File.ReadAllText(Path.Combine(index, "CURRENT")), Is.EqualTo(served));
        Assert.That(Directory.GetFiles(index, "index-*.db").Select(Path.GetFileName), Is.EqualTo(new[] { served }));
        Assert.That(CliProcess.Run($"search --index \"{index}\" --query Oslo").Output, Does.StartWith("1 hits"));
    }
}
