using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// Reads an HTML page with a real HTML parser (AngleSharp): the text of its main content with scripts, styles,
/// navigation, headers, footers and forms dropped, paragraphs kept as lines; the title from &lt;title&gt; or the first
/// heading, the byline from meta author, the date from article:published_time, meta date or &lt;time datetime&gt;, the
/// language from &lt;html lang&gt;.
/// </summary>
public static class HtmlFileReader
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BR", "TR", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE", "TD", "TH", "DT", "DD", "FIGCAPTION",
    };

    public static (SourceDocument? Document, string? Problem) Read(string path, string relativeSource)
    {
        var (html, problem) = TextFileReader.ReadText(path);
        if (html is null)
        {
            return (null, problem);
        }

        var document = new HtmlParser().ParseDocument(html);
        var title = Clean(document.QuerySelector("title")?.TextContent) ?? Clean(document.QuerySelector("h1")?.TextContent);
        var byline = Meta(document, "author");
        var published = PublishedDate(document);
        var language = document.DocumentElement.GetAttribute("lang") is { } lang && lang.StartsWith("fa", StringComparison.OrdinalIgnoreCase) ? "fa"
            : document.DocumentElement.GetAttribute("lang") is { } other && other.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : null;

        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var text = root is null ? "" : Text(root);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "no text in the page after scripts and navigation are removed");
        }

        var parsed = TextFileReader.FromText(Path.GetFileNameWithoutExtension(path), text, relativeSource, JsonDocuments.Hash(html));
        return (parsed with
        {
            Title = title ?? parsed.Title,
            Byline = byline ?? parsed.Byline,
            Published = published ?? parsed.Published,
            Language = language ?? parsed.Language,
        }, null);
    }

    /// <summary>The text of an element with a line break after each block, runs of blank lines folded.</summary>
    private static string Text(IElement root)
    {
        var sb = new StringBuilder();
        Walk(root, sb);
        var lines = sb.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(text.Data);
            }
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.TagName);
                if (block)
                {
                    sb.Append('\n');
                }

                Walk(element, sb);
                if (block)
                {
                    sb.Append('\n');
                }
            }
        }
    }

    private static string? PublishedDate(IDocument document)
    {
        var candidates = new[]
        {
            document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"),
            Meta(document, "date"),
            Meta(document, "dc.date"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        };
        foreach (var candidate in candidates)
        {
            if (candidate is { Length: >= 10 } && DateOnly.TryParseExact(candidate[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (candidate is not null && DateLine.TryParse(candidate) is { } parsed)
            {
                return parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string? Meta(IDocument document, string name) =>
        Clean(document.QuerySelectorAll("meta[name]").FirstOrDefault(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content"));

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
