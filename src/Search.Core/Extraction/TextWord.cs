using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// A word of the original text as the extractors read it: its surface form folded for comparison (lower-case Latin,
/// normalized Persian without ZWNJ, ASCII digits for numbers), its offsets, and how it is written.
/// </summary>
public readonly record struct TextWord(string Key, string Surface, int Start, int End, TokenScript Script, bool Capitalized, double? Number)
{
    public bool IsNumber => Number is not null;

    /// <param name="text">The original text.</param>
    /// <param name="split">The text as <see cref="ScriptTokenizer.Tokenize"/> splits it.</param>
    public static List<TextWord> Read(string text, IReadOnlyList<WorkToken> split)
    {
        var words = new List<TextWord>(split.Count);
        foreach (var t in split)
        {
            // A word's term is its surface unless the tokenizer rewrote it (digits): no second copy of the same letters.
            var surface = text.AsSpan(t.Start, t.End - t.Start).SequenceEqual(t.Term) ? t.Term : text[t.Start..t.End];
            var key = t.Script switch
            {
                TokenScript.Latin => Languages.English.LatinFolding.Fold(t.Term),
                TokenScript.Arabic => Languages.Persian.PersianLetters.Fold(t.Term),
                _ => t.Term,
            };
            double? number = null;
            if (t.Script == TokenScript.Number && double.TryParse(t.Term, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                number = n;
            }

            words.Add(new TextWord(key, surface, t.Start, t.End, t.Script, t.Script == TokenScript.Latin && char.IsUpper(surface[0]), number));
        }

        return words;
    }
}
