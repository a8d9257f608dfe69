using System.Text.Json;

namespace Search.Cli.Tests;

public class AnalyzeCommandTests
{
    [Test]
    public void Writes_one_line_per_input_line_with_term_start_end_separated_by_tabs()
    {
        var (exit, output, _) = CliProcess.Run("analyze --analyzer auto", "Khamenei’s prisoners\n\nمی خواهم ۳۳٬۰۰۰\n");
        Assert.That(exit, Is.Zero);
        var lines = output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("khamenei/0/10\tprison/11/20"));
        Assert.That(lines[1], Is.Empty);
        Assert.That(lines[2], Is.EqualTo("میخواهم/0/8\t33000/9/15"));
    }

    [Test]
    public void Json_gives_term_start_end_and_position()
    {
        var (exit, output, _) = CliProcess.Run("analyze --analyzer fa --json", "کتاب\u200Cها را خواندم\n");
        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output.Split('\n')[0]);
        var tokens = json.RootElement.EnumerateArray().ToList();
        Assert.That(tokens[0].GetProperty("term").GetString(), Is.EqualTo("کتاب"));
        Assert.That(tokens[0].GetProperty("start").GetInt32(), Is.Zero);
        Assert.That(tokens[0].GetProperty("end").GetInt32(), Is.EqualTo(7));
        Assert.That(tokens[0].GetProperty("position").GetInt32(), Is.Zero);
        Assert.That(tokens[1].GetProperty("term").GetString(), Is.EqualTo("خواندم"));
    }

    [Test]
    public void No_stem_keeps_the_inflected_forms()
    {
        var (_, stemmed, _) = CliProcess.Run("analyze --analyzer en", "executions\n");
        var (_, unstemmed, _) = CliProcess.Run("analyze --analyzer en --no-stem", "executions\n");
        Assert.That(stemmed.Trim(), Is.EqualTo("execut/0/10"));
        Assert.That(unstemmed.Trim(), Is.EqualTo("executions/0/10"));
    }

    [Test]
    public void An_unknown_analyzer_is_an_error_that_lists_the_known_ones()
    {
        var (exit, _, error) = CliProcess.Run("analyze --analyzer klingon", "x\n");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.Contain("klingon").And.Contain("auto"));
    }
}
