using System.Text.Json.Nodes;
using Search.Core.Configuration;

namespace Search.Core.Tests.Searching;

/// <summary>Stemming can be switched off per field in index-config; queries follow each field's own analysis.</summary>
public class FieldAnalysisTests
{
    private static IndexSettings WithTitleStemming(bool stem, TempFolder temp)
    {
        var config = temp.Combine("config");
        Directory.CreateDirectory(config);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Config, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(config, Path.GetRelativePath(RepositoryPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var path = Path.Combine(config, "analyzers.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["fields"]!["title"]!["stem"] = stem;
        File.WriteAllText(path, json.ToJsonString());
        return IndexSettings.Load(config);
    }

    [Test]
    public void An_unstemmed_title_matches_only_the_form_written_while_the_body_still_stems()
    {
        using var temp = new TempFolder();
        var analyzers = WithTitleStemming(false, temp);
        using var index = new TestIndex(
            new Dictionary<string, string>
            {
                ["a.md"] = "# Prisoners of Evin\nNothing else here.",
                ["b.txt"] = "Short title\n\nThe prisoner was moved.",
            },
            analyzers);

        Assert.That(index.Ids("title:prisoners"), Is.EqualTo(new[] { "a" }));
        Assert.That(index.Ids("title:prisoner"), Is.Empty, "the title was indexed without stemming");
        Assert.That(index.Ids("body:prisoner"), Is.EquivalentTo(new[] { "a", "b" }), "the body (which holds the heading line too) stems both forms to prison");
        Assert.That(index.Ids("prisoners"), Is.EquivalentTo(new[] { "a", "b" }), "a word without a field searches each field with its own analysis");
    }

    [Test]
    public void The_fingerprint_changes_when_a_field_setting_changes()
    {
        using var temp1 = new TempFolder();
        using var temp2 = new TempFolder();
        Assert.That(WithTitleStemming(false, temp1).Fingerprint, Is.Not.EqualTo(WithTitleStemming(true, temp2).Fingerprint));
    }
}
