using System.Globalization;
using System.Text;

namespace Search.Core.Languages.English;

/// <summary>Lower-cases Latin text and folds diacritics (café → cafe, Straße → strasse); drops apostrophes.</summary>
public static class LatinFolding
{
    public static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        var ascii = true;
        foreach (var c in lower)
        {
            if (c >= 128 || c is '\'' or '.')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return lower;
        }

        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case '\'' or '\u2019' or '\u02BC' or '.':
                    break; // don't → dont, u.s.a → usa: ASCII punctuation would split the term in FTS5
                case 'ß':
                    sb.Append("ss");
                    break;
                case 'æ':
                    sb.Append("ae");
                    break;
                case 'œ':
                    sb.Append("oe");
                    break;
                case 'ø':
                    sb.Append('o');
                    break;
                case 'đ':
                    sb.Append('d');
                    break;
                case 'ł':
                    sb.Append('l');
                    break;
                case 'ı':
                    sb.Append('i');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
