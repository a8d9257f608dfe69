using Search.Core.Searching;

namespace Search.Cli.Commands;

/// <summary>A snippet for a terminal: marked words in [brackets], ellipses where the text goes on.</summary>
internal static class SnippetText
{
    public static string WithBrackets(Snippet snippet)
    {
        var text = snippet.Text;
        foreach (var (start, end) in snippet.Marks.OrderByDescending(m => m.Start))
        {
            text = text[..start] + "[" + text[start..end] + "]" + text[end..];
        }

        return (snippet.StartsInside ? "…" : "") + text + (snippet.EndsInside ? "…" : "");
    }
}
