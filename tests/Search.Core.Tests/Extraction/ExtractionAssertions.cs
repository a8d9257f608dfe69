using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

internal static class ExtractionAssertions
{
    public static IReadOnlyList<Entity> Extract(string text) => Analyzers.Settings.Extractor.Extract(text);

    public static Entity Single(string text, string kind)
    {
        var found = Extract(text).Where(e => e.Kind == kind).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"{kind} in «{text}»: {string.Join(", ", found.Select(f => f.Text))}");
        var entity = found[0];
        Assert.That(text[entity.Start..entity.End], Is.EqualTo(entity.Text), "offsets point at the text");
        return entity;
    }

    public static void None(string text, string kind) =>
        Assert.That(Extract(text).Where(e => e.Kind == kind).Select(e => e.Text), Is.Empty, text);
}
