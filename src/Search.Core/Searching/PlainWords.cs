using System.Text;

namespace Search.Core.Searching;

/// <summary>Turns plain words (an evaluation topic, a pasted sentence) into a query where no character is syntax.</summary>
public static class PlainWords
{
    private const string Special = "\\+-!():^[]\"{}~*?|&/";

    /// <summary>Each word escaped, all joined by OR: a document that has any of them matches, the best-matching first.</summary>
    public static string AsAnyWordQuery(string text) =>
        string.Join(" OR ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Escape));

    public static string Escape(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            if (Special.Contains(c) || char.IsControl(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
