using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public class IndexDirectoryTests
{
    [Test]
    public void A_new_directory_has_no_current_generation()
    {
        using var temp = new TempFolder();
        Assert.That(new IndexDirectory(temp.Path).CurrentGeneration(), Is.Null);
    }

    [Test]
    public void Generations_are_numbered_after_every_file_present()
    {
        using var temp = new TempFolder();
        var directory = new IndexDirectory(temp.Path);
        var first = directory.NextGenerationPath();
        File.WriteAllText(first, "");
        var second = directory.NextGenerationPath();
        Assert.That(Path.GetFileName(first), Is.EqualTo("index-000001.db"));
        Assert.That(Path.GetFileName(second), Is.EqualTo("index-000002.db"));
    }

    [Test]
    public void Publishing_switches_the_pointer_and_leaves_no_temp_file()
    {
        using var temp = new TempFolder();
        var directory = new IndexDirectory(temp.Path);
        var first = directory.NextGenerationPath();
        File.WriteAllText(first, "");
        directory.Publish(first);
        var second = directory.NextGenerationPath();
        File.WriteAllText(second, "");
        directory.Publish(second);
        Assert.That(directory.CurrentGeneration(), Is.EqualTo(second));
        Assert.That(Directory.GetFiles(temp.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Stale_generations_are_deleted_but_not_the_current_one_or_one_in_use()
    {
        using var temp = new TempFolder();
        var directory = new IndexDirectory(temp.Path);
        var paths = Enumerable.Range(0, 3).Select(_ =>
        {
            var p = directory.NextGenerationPath();
            File.WriteAllText(p, "");
            File.WriteAllText(p + "-wal", "");
            return p;
        }).ToList();
        directory.Publish(paths[2]);

        var deleted = directory.DeleteStale(new HashSet<string> { paths[1] });

        Assert.That(deleted, Is.EqualTo(new[] { paths[0] }));
        Assert.That(File.Exists(paths[0] + "-wal"), Is.False);
        Assert.That(File.Exists(paths[1]), Is.True);
        Assert.That(File.Exists(paths[2]), Is.True);
    }

    [Test]
    public void A_pointer_to_a_missing_file_means_no_generation()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "CURRENT"), "index-000009.db");
        Assert.That(new IndexDirectory(temp.Path).CurrentGeneration(), Is.Null);
    }
}
