namespace Search.Cli.Tests;

public class StemCommandTests
{
    [Test]
    public void English_stems_one_word_per_line()
    {
        var (exit, output, _) = CliProcess.Run("stem --language en", "generously\nskies\nexceedingly\nconsignment\n");
        Assert.That(exit, Is.Zero);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "generous", "sky", "exceed", "consign" }));
    }

    [Test]
    public void Persian_normalizes_then_stems()
    {
        var (exit, output, _) = CliProcess.Run("stem --language fa", "كتابها\nزندانیان\nایران\n");
        Assert.That(exit, Is.Zero);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "کتاب", "زندانی", "ایران" }));
    }

    [Test]
    public void An_unknown_language_is_refused()
    {
        var (exit, _, error) = CliProcess.Run("stem --language de", "Haus\n");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.Contain("de"));
    }
}
