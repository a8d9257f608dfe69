using Search.Core.Analysis;

namespace Search.Core.Indexing;

/// <summary>Guesses a document's language from the script of its letters: Arabic script means Persian here.</summary>
public static class LanguageGuess
{
    public static string Of(string text)
    {
        long arabic = 0, other = 0;
        foreach (var c in text)
        {
            if (CharClass.IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        return arabic > other ? "fa" : "en";
    }
}
