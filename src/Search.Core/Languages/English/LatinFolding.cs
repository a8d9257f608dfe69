using System.Globalization;
using System.Text;

namespace Search.Core.Languages.English;

/// <summary>
/// Lower-cases Latin text and folds diacritics (café → cafe, Straße → strasse, Øresund → oresund); drops apostrophes
/// and dots (don't → dont, u.s.a → usa), which would otherwise split the term (see FtsTokens). The fold table covers
/// Latin-1 Supplement and Latin Extended-A and -B (U+00C0–U+024F): each letter's base letter from its Unicode
/// compatibility decomposition. A table, not string.Normalize, because the service runs in invariant-globalization
/// mode, where Normalize does not decompose.
/// </summary>
public static class LatinFolding
{
    private const int TableStart = 0xC0;

    // Base letter of U+00C0 + i, '_' where the letter has no single-letter base (see Expansions) or is not a letter.
    private const string Table =
        "AAAAAA_CEEEEIIIIDNOOOOO_OUUUUY__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y"
        + "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi__JjKkkLlLlLlL"
        + "lLlNnNnNnnNnOoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZzs"
        + "__________________f_____________Oo_____________Uu_______________"
        + "_____________AaIiOoUuUuUuUuUu_AaAa____GgKkOoOo__j___Gg__NnAa____"
        + "AaAaEeEeIiIiOoOoRrRrUuUuSsTt__Hh______AaEeOoOoOoOoYy____________"
        + "________________";

    private static readonly Dictionary<char, string> Expansions = new() { ['\u00C6'] = "AE", ['\u00DE'] = "TH", ['\u00DF'] = "ss", ['\u00E6'] = "ae", ['\u00FE'] = "th", ['\u0132'] = "IJ", ['\u0133'] = "ij", ['\u0152'] = "OE", ['\u0153'] = "oe", ['\u01C4'] = "DZ", ['\u01C5'] = "Dz", ['\u01C6'] = "dz", ['\u01C7'] = "LJ", ['\u01C8'] = "Lj", ['\u01C9'] = "lj", ['\u01CA'] = "NJ", ['\u01CB'] = "Nj", ['\u01CC'] = "nj", ['\u01F1'] = "DZ", ['\u01F2'] = "Dz", ['\u01F3'] = "dz" };

    public static string Fold(string word)
    {
        if (IsFolded(word))
        {
            return word; // most words: lower-case ASCII already, returned without a copy
        }

        var lower = word.ToLowerInvariant();
        var plain = true;
        foreach (var c in lower)
        {
            if (c >= 128 || c is '\'' or '.')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return lower;
        }

        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c is '\'' or '\u2019' or '\u02BC' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c >= TableStart && c < TableStart + Table.Length)
            {
                var folded = Table[c - TableStart];
                if (folded != '_')
                {
                    sb.Append(char.ToLowerInvariant(folded));
                    continue;
                }

                if (Expansions.TryGetValue(c, out var expansion))
                {
                    sb.Append(expansion.ToLowerInvariant());
                    continue;
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsFolded(string word)
    {
        foreach (var c in word)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
