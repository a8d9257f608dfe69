using System.Net;
using System.Text;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>
/// Renders a snippet as HTML: the text escaped, each mark wrapped in &lt;mark&gt;. Marks cover whole words, so a mark
/// never splits a Persian word and the letters on either side of it keep joining.
/// </summary>
internal static class SnippetHtml
{
    public static string Render(Snippet snippet)
    {
        var sb = new StringBuilder(snippet.Text.Length + 32);
        if (snippet.StartsInside)
        {
            sb.Append('…');
        }

        var at = 0;
        foreach (var (start, end) in snippet.Marks.OrderBy(m => m.Start))
        {
            if (start < at)
            {
                continue;
            }

            sb.Append(WebUtility.HtmlEncode(snippet.Text[at..start]));
            sb.Append("<mark>").Append(WebUtility.HtmlEncode(snippet.Text[start..end])).Append("</mark>");
            at = end;
        }

        sb.Append(WebUtility.HtmlEncode(snippet.Text[at..]));
        if (snippet.EndsInside)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
