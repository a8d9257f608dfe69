using System.Diagnostics;

namespace Search.Cli.Tests;

/// <summary>
/// SIGKILL in the middle of a reindex, with the real program: the served index stays intact and consistent, and the
/// next run recovers and cleans up what the killed one left.
/// </summary>
[NonParallelizable]
public class KillTests
{
    private const int Documents = 3000;
    private string _folder = null!;
    private string _sources = null!;
    private string _index = null!;

    [SetUp]
    public void CreateCorpus()
    {
        _folder = Path.Combine(Path.GetTempPath(), "search-kill-" + Guid.NewGuid().ToString("N"));
        _sources = Path.Combine(_folder, "sources");
        _index = Path.Combine(_folder, "index");
        Directory.CreateDirectory(_sources);
        var filler = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"word{i % 97} report testimony prison"));
        for (var i = 0; i < Documents; i++)
        {
            File.WriteAllText(Path.Combine(_sources, $"doc{i:D5}.txt"), $"Document {i} about Evin prison. {filler}");
        }

        var (exit, output, error) = CliProcess.Run($"index --source \"{_sources}\" --index \"{_index}\"");
        Assert.That(exit, Is.Zero, output + error);
    }

    [TearDown]
    public void DeleteCorpus() => Directory.Delete(_folder, recursive: true);

    private int Hits(string query)
    {
        var (exit, output, error) = CliProcess.Run($"search --index \"{_index}\" --query \"{query}\" --k 1");
        Assert.That(exit, Is.Zero, error);
        return int.Parse(output.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private string[] GenerationFiles() => [.. Directory.GetFiles(_index, "index-*.db").Select(Path.GetFileName).Order()!];

    /// <summary>Starts the program and kills it (SIGKILL) once <paramref name="ready"/> says it is well into its work.</summary>
    private static void StartAndKill(string arguments, Func<bool> ready)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "search-cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ready() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.That(process.HasExited, Is.False, "the run finished before it could be killed: the corpus is too small for this machine");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    [Test]
    public void Killing_a_full_rebuild_leaves_the_served_generation_and_the_next_run_cleans_up()
    {
        var served = File.ReadAllText(Path.Combine(_index, "CURRENT"));
        var next = Path.Combine(_index, "index-000002.db");
        StartAndKill($"index --source \"{_sources}\" --index \"{_index}\" --mode full", () => File.Exists(next) && new FileInfo(next).Length > 2_000_000);

        Assert.That(File.ReadAllText(Path.Combine(_index, "CURRENT")), Is.EqualTo(served), "the pointer still names the served generation");
        Assert.That(Hits("evin"), Is.EqualTo(Documents), "and it answers in full");

        var (exit, output, _) = CliProcess.Run($"index --source \"{_sources}\" --index \"{_index}\"");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain($"unchanged {Documents}"));
        Assert.That(GenerationFiles(), Is.EqualTo(new[] { served }), "the killed run's partial generation is gone");
    }

    [Test]
    public void Killing_an_incremental_run_leaves_a_consistent_index_that_the_next_run_completes()
    {
        for (var i = 0; i < Documents; i++)
        {
            File.AppendAllText(Path.Combine(_sources, $"doc{i:D5}.txt"), " Now also about Gohardasht.");
        }

        var wal = Path.Combine(_index, File.ReadAllText(Path.Combine(_index, "CURRENT")) + "-wal");
        StartAndKill($"index --source \"{_sources}\" --index \"{_index}\"", () => File.Exists(wal) && new FileInfo(wal).Length > 4_000_000);

        Assert.That(Hits("evin"), Is.EqualTo(Documents), "every document is still there, in its old or its new version");
        var updated = Hits("gohardasht");
        Assert.That(updated, Is.InRange(0, Documents - 1), "killed part way");

        var (exit, output, _) = CliProcess.Run($"index --source \"{_sources}\" --index \"{_index}\"");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain($"updated {Documents - updated}"));
        Assert.That(Hits("gohardasht"), Is.EqualTo(Documents));
        Assert.That(Hits("evin"), Is.EqualTo(Documents));
    }
}
