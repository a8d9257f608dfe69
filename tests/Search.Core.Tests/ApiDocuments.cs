using Search.Core.Indexing;

namespace Search.Core.Tests;

/// <summary>Documents as an application writes them through the API: a corpus text's first line its title, the rest its body.</summary>
internal static class ApiDocuments
{
    public static SourceDocument FromText(string id, string text, string? published = null)
    {
        var lines = text.Split('\n', 2);
        var body = lines.Length > 1 ? lines[1] : lines[0];
        return new SourceDocument { Id = id, Title = lines[0], Body = body, Published = published, Language = LanguageGuess.Of(body), Source = "api", ContentHash = id + text.GetHashCode() };
    }
}
