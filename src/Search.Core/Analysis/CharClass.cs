using System.Globalization;

namespace Search.Core.Analysis;

/// <summary>Character classes the tokenizer and normalizers share.</summary>
public static class CharClass
{
    /// <summary>U+200C ZERO WIDTH NON-JOINER: joins the parts of one Persian word without joining the letters.</summary>
    public const char Zwnj = '\u200C';

    /// <summary>U+200D ZERO WIDTH JOINER.</summary>
    public const char Zwj = '\u200D';

    /// <summary>U+00AD SOFT HYPHEN: invisible, typed by some keyboards where ZWNJ belongs.</summary>
    public const char SoftHyphen = '\u00AD';

    /// <summary>U+0640 ARABIC TATWEEL: a stretching stroke with no meaning.</summary>
    public const char Tatweel = '\u0640';

    /// <summary>Letters of the Arabic script blocks (Arabic, Supplement, Extended-A, presentation forms).</summary>
    public static bool IsArabicLetter(char c) =>
        c is >= '\u0621' and <= '\u063A'
            or >= '\u0641' and <= '\u064A'
            or >= '\u066E' and <= '\u066F'
            or >= '\u0671' and <= '\u06D3'
            or '\u06D5'
            or >= '\u06EE' and <= '\u06EF'
            or >= '\u06FA' and <= '\u06FC'
            or '\u06FF'
            or >= '\u0750' and <= '\u077F'
            or >= '\u08A0' and <= '\u08C9'
            or >= '\uFB50' and <= '\uFDFF'
            or >= '\uFE70' and <= '\uFEFC';

    /// <summary>Arabic harakat and other marks that sit on a letter (U+064B–U+065F, U+0670, Quranic marks).</summary>
    public static bool IsArabicMark(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' or >= '\u0610' and <= '\u061A';

    /// <summary>Characters that may sit inside an Arabic-script word without splitting it.</summary>
    public static bool IsArabicJoiner(char c) => c is Zwnj or Zwj or SoftHyphen or Tatweel || IsArabicMark(c);

    /// <summary>The value 0–9 of a decimal digit in any script (Latin, Persian ۰–۹, Arabic-Indic ٠–٩, others), or -1.</summary>
    public static int DigitValue(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        return c < 128 ? -1 : (int)char.GetNumericValue(c) is var v && v is >= 0 and <= 9 && char.IsDigit(c) ? v : -1;
    }

    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    /// <summary>Any character of the Arabic script blocks, letter or not (tatweel used as a dash, Arabic punctuation).</summary>
    public static bool IsArabicBlock(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Letters that are not Arabic script (Latin, Greek, Cyrillic…), and combining marks that follow them.</summary>
    public static bool IsOtherLetter(char c) =>
        !IsArabicBlock(c) && (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
