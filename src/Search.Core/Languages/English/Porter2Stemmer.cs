namespace Search.Core.Languages.English;

/// <summary>
/// The Snowball English ("Porter2") stemmer, as the current published definition (english.sbl, Snowball 3) states it:
/// the exception list, the prelude's Y marking, the regions R1/R2 with their fixed prefixes, Steps 1a–5 with
/// longest-suffix-wins matching, and the postlude. Input is one lower-case word.
/// </summary>
public static class Porter2Stemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe",
        ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    // Words that start with these get R1 right after them (generate/general, universe/university…).
    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ"];

    private static readonly (string Suffix, string Replacement)[] Step2Rules = SortLongestFirst(
    [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"),
        ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"), ("ogist", "og"), ("ogi", "og"),
        ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3Rules = SortLongestFirst(
    [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""),
    ]);

    private static readonly string[] Step4Suffixes = SortLongestFirst(
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ]);

    public static string Stem(string word)
    {
        if (Exceptions.TryGetValue(word, out var exception))
        {
            return exception;
        }

        if (word.Length < 3)
        {
            return word;
        }

        var w = new Word(word);
        w.Prelude();
        w.MarkRegions();
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.Postlude();
    }

    private static (string, string)[] SortLongestFirst((string, string)[] rules) =>
        [.. rules.OrderByDescending(r => r.Item1.Length)];

    private static string[] SortLongestFirst(string[] suffixes) => [.. suffixes.OrderByDescending(s => s.Length)];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    private static bool IsDouble(string pair) => pair is "bb" or "dd" or "ff" or "gg" or "mm" or "nn" or "pp" or "rr" or "tt";

    /// <summary>The word being stemmed, with its regions; every step edits it at its end.</summary>
    private sealed class Word(string initial)
    {
        private string _s = initial;
        private int _p1;
        private int _p2;
        private bool _yFound;

        private int Length => _s.Length;

        public void Prelude()
        {
            if (_s[0] == '\'')
            {
                _s = _s[1..];
            }

            var chars = _s.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                // An initial y, or a y after a vowel, is a consonant: mark it Y so it is not taken for a vowel.
                if (chars[i] == 'y' && (i == 0 || IsVowel(chars[i - 1])))
                {
                    chars[i] = 'Y';
                    _yFound = true;
                }
            }

            _s = new string(chars);
        }

        public void MarkRegions()
        {
            _p1 = Length;
            _p2 = Length;
            var prefix = RegionPrefixes.Where(p => _s.StartsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length);
            int p1;
            if (prefix is not null)
            {
                p1 = prefix.Length;
            }
            else if ((p1 = AfterVowelThenConsonant(0)) < 0)
            {
                return;
            }

            _p1 = p1;
            var p2 = AfterVowelThenConsonant(p1);
            if (p2 >= 0)
            {
                _p2 = p2;
            }
        }

        /// <summary>The position just after the first non-vowel that follows a vowel, searching from <paramref name="from"/>; -1 if none.</summary>
        private int AfterVowelThenConsonant(int from)
        {
            var i = from;
            while (i < Length && !IsVowel(_s[i]))
            {
                i++;
            }

            i++;
            while (i < Length && IsVowel(_s[i]))
            {
                i++;
            }

            return i < Length ? i + 1 : -1;
        }

        public void Step1a()
        {
            if (EndsWith("'s'"))
            {
                Cut(3);
            }
            else if (EndsWith("'s"))
            {
                Cut(2);
            }
            else if (EndsWith("'"))
            {
                Cut(1);
            }

            if (EndsWith("sses"))
            {
                Replace(4, "ss");
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                Replace(3, Length - 3 >= 2 ? "i" : "ie");
            }
            else if (EndsWith("us") || EndsWith("ss"))
            {
                // left as they are
            }
            else if (EndsWith("s") && Length >= 2 && HasVowel(0, Length - 2))
            {
                // Delete s if a vowel comes before the letter before it: gaps → gap, but gas stays.
                Cut(1);
            }
        }

        public void Step1b()
        {
            string? suffix = null;
            foreach (var candidate in (ReadOnlySpan<string>)["eedly", "ingly", "edly", "eed", "ing", "ed"])
            {
                if (EndsWith(candidate))
                {
                    suffix = candidate;
                    break;
                }
            }

            if (suffix is null)
            {
                return;
            }

            var start = Length - suffix.Length;
            var stem = _s[..start];
            if (suffix is "eed" or "eedly")
            {
                if (stem is not ("proc" or "exc" or "succ") && start >= _p1)
                {
                    Replace(suffix.Length, "ee");
                }

                return;
            }

            if (suffix == "ing")
            {
                // dying → die, lying → lie, tying → tie, vying → vie.
                if (start == 2 && stem[1] == 'y' && !IsVowel(stem[0]))
                {
                    _s = stem[..1] + "ie";
                    return;
                }

                if (stem is "inn" or "out" or "cann" or "herr" or "earr" or "even")
                {
                    return;
                }
            }

            if (!HasVowel(0, start))
            {
                return;
            }

            _s = stem;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                _s += "e";
            }
            else if (Length >= 2 && IsDouble(_s[^2..]))
            {
                // hopped → hop, but add, ebb, odd (a, e or o then the double, and nothing else) keep it.
                if (!(Length == 3 && _s[0] is 'a' or 'e' or 'o'))
                {
                    Cut(1);
                }
            }
            else if (Length == _p1 && IsShortSyllableBefore(Length))
            {
                _s += "e";
            }
        }

        public void Step1c()
        {
            if (Length >= 3 && _s[^1] is 'y' or 'Y' && !IsVowel(_s[^2]))
            {
                Replace(1, "i");
            }
        }

        public void Step2()
        {
            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var start = Length - suffix.Length;
                if (start < _p1)
                {
                    return;
                }

                if (suffix == "ogi" && (start == 0 || _s[start - 1] != 'l'))
                {
                    return;
                }

                if (suffix == "li" && (start == 0 || !IsValidLiEnding(_s[start - 1])))
                {
                    return;
                }

                Replace(suffix.Length, replacement);
                return;
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var start = Length - suffix.Length;
                if (start < _p1 || (suffix == "ative" && start < _p2))
                {
                    return;
                }

                Replace(suffix.Length, replacement);
                return;
            }
        }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var start = Length - suffix.Length;
                if (start < _p2)
                {
                    return;
                }

                if (suffix == "ion" && (start == 0 || _s[start - 1] is not ('s' or 't')))
                {
                    return;
                }

                Cut(suffix.Length);
                return;
            }
        }

        public void Step5()
        {
            var start = Length - 1;
            if (_s[^1] == 'e')
            {
                if (start >= _p2 || (start >= _p1 && !IsShortSyllableBefore(start)))
                {
                    Cut(1);
                }
            }
            else if (_s[^1] == 'l' && start >= _p2 && start > 0 && _s[start - 1] == 'l')
            {
                Cut(1);
            }
        }

        public string Postlude() => _yFound ? _s.Replace('Y', 'y') : _s;

        /// <summary>
        /// Whether the letters before <paramref name="end"/> end in a short syllable: non-vowel, vowel, non-vowel
        /// other than w, x or Y; or vowel, non-vowel at the start of the word; or "past" (pasted, pasting).
        /// </summary>
        private bool IsShortSyllableBefore(int end)
        {
            if (end >= 3 && !IsVowel(_s[end - 1]) && _s[end - 1] is not ('w' or 'x' or 'Y')
                && IsVowel(_s[end - 2]) && !IsVowel(_s[end - 3]))
            {
                return true;
            }

            if (end == 2 && !IsVowel(_s[1]) && IsVowel(_s[0]))
            {
                return true;
            }

            return end >= 4 && string.CompareOrdinal(_s, end - 4, "past", 0, 4) == 0;
        }

        private bool HasVowel(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (IsVowel(_s[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWith(string suffix) => _s.EndsWith(suffix, StringComparison.Ordinal);

        private void Cut(int n) => _s = _s[..^n];

        private void Replace(int n, string replacement) => _s = _s[..^n] + replacement;
    }
}
