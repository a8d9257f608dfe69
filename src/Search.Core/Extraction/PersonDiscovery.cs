using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// Finds names of persons that the gazetteer does not hold, preferring precision to recall: a personal title
/// followed by capitalized words ("Mr Malek", "Dr. Ahmad Shaheed", "Ayatollah Montazeri"), a known given name followed
/// by a capitalized surname ("Reza Malek"), and in Persian a title (آقای, خانم, دکتر, آیت‌الله…) or a common given name
/// followed by a word of surname shape (ending in ی, زاده, پور, یان, نژاد, فر, لو). Found names are marked discovered.
/// </summary>
public sealed class PersonDiscovery(GivenNames givenNames)
{
    private static readonly HashSet<string> EnglishTitles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "ayatollah", "hojatoleslam", "hojjatoleslam", "sheikh", "mullah", "prof", "professor", "judge", "sir", "madam",
    };

    private static readonly HashSet<string> PersianTitles = new(StringComparer.Ordinal)
    {
        "اقای", "خانم", "دکتر", "ایتالله", "حجتالاسلام", "مهندس", "سردار", "سرتیپ", "شیخ", "استاد", "حاج", "سید",
    };

    // Capitalized words that follow a title but are not names: "Mr President", "Dr. of Law".
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "president", "minister", "speaker", "secretary", "general", "chairman", "the", "of", "and", "in", "iran", "iranian",
        "islamic", "republic", "court", "assembly", "council", "committee", "ministry", "prison", "province", "city",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god", "allah", "un", "ncri", "pmoi", "mek",
        "news", "agency", "press", "party", "organization", "union", "nations", "bank", "university", "company", "foundation",
        "group", "guard", "guards", "corps", "army", "police", "street", "square", "mosque", "school", "hospital", "airport",
    };

    private static readonly string[] SurnameEndings = ["\u06CC", "زاده", "زاد", "پور", "یان", "نژاد", "فر", "لو", "نیا", "وند", "مند"];

    public IEnumerable<Entity> Find(string text, IReadOnlyList<TextWord> words, ClaimedWords used)
    {
        var found = new List<Entity>();
        for (var i = 0; i < words.Count; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var match = words[i].Script == TokenScript.Latin ? Latin(text, words, i, used) : Persian(text, words, i, used);
            if (match is { } m)
            {
                found.Add(Make(text, words, m.NameStart, m.Last));
                for (var k = i; k <= m.Last; k++)
                {
                    used.Add(k);
                }

                i = m.Last;
            }
        }

        return found;
    }

    private (int NameStart, int Last)? Latin(string text, IReadOnlyList<TextWord> w, int i, ClaimedWords used)
    {
        var word = w[i];
        if (!word.Capitalized)
        {
            return null;
        }

        if (EnglishTitles.Contains(word.Key))
        {
            var last = CapitalizedRun(text, w, i + 1, used, 3);
            return last >= i + 1 ? (i + 1, last) : null;
        }

        if (givenNames.IsLatin(word.Key) && !NotNames.Contains(word.Key))
        {
            // "Ali Akbar Velayati": given names may come in pairs before the surname.
            var last = CapitalizedRun(text, w, i + 1, used, 2);
            return last >= i + 1 ? (i, last) : null;
        }

        return null;
    }

    private (int NameStart, int Last)? Persian(string text, IReadOnlyList<TextWord> w, int i, ClaimedWords used)
    {
        var word = w[i];
        if (word.Script != TokenScript.Arabic)
        {
            return null;
        }

        var titleEnd = PersianTitles.Contains(word.Key) ? i
            : word.Key is "ایت" or "حجت" && Adjacent(text, w, i, i + 1, used) && w[i + 1].Key is "الله" or "الاسلام" ? i + 1
            : -1;
        if (titleEnd >= 0)
        {
            // آیت‌الله is often typed as two words, آیت الله: the title then ends one word later.
            var first = titleEnd + 1;
            if (!Adjacent(text, w, titleEnd, first, used) || !LooksLikeNameWord(w[first]))
            {
                return null;
            }

            // A given name then a surname ("آقای رضا ملک"), or a surname alone ("آقای ملک").
            return givenNames.IsPersian(w[first].Key) && Adjacent(text, w, first, first + 1, used) && LooksLikeNameWord(w[first + 1])
                ? (first, first + 1)
                : (first, first);
        }

        if (givenNames.IsPersian(word.Key) && Adjacent(text, w, i, i + 1, used) && IsSurnameShaped(w[i + 1].Key))
        {
            return (i, i + 1);
        }

        return null;
    }

    private static int CapitalizedRun(string text, IReadOnlyList<TextWord> w, int from, ClaimedWords used, int max)
    {
        var last = from - 1;
        for (var k = from; k < w.Count && k < from + max; k++)
        {
            if (used.Contains(k) || !w[k].Capitalized || NotNames.Contains(w[k].Key) || w[k].Key.Length < 2
                || (k > 0 && TextGaps.Between(text, w[k - 1], w[k]).Trim() is var gap && !(gap.IsEmpty || gap is "." && k == from)))
            {
                break;
            }

            last = k;
        }

        return last;
    }

    private static bool Adjacent(string text, IReadOnlyList<TextWord> w, int left, int right, ClaimedWords used) =>
        right < w.Count && !used.Contains(right) && TextGaps.IsSpace(text, w[left], w[right]);

    private static bool LooksLikeNameWord(TextWord w) => w.Script == TokenScript.Arabic && w.Key.Length >= 2 && !w.Key.StartsWith("می", StringComparison.Ordinal);

    private static bool IsSurnameShaped(string key) =>
        key.Length >= 4 && SurnameEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal)) && !CommonWordsEndingLikeSurnames.Contains(key);

    // Frequent words that end like surnames but follow given names in ordinary prose ("حسین آقایی" is a name,
    // "علی رغم" is not, and neither is "محمد رسولی" → kept: it is a surname). Kept short on purpose.
    private static readonly HashSet<string> CommonWordsEndingLikeSurnames = new(StringComparer.Ordinal)
    {
        "زیادی", "خوبی", "بزرگی", "سیاسی", "اسلامی", "ایرانی", "دولتی", "عمومی", "ملی", "جهانی", "داخلی", "خارجی", "قبلی", "بعدی",
    };

    private static Entity Make(string text, IReadOnlyList<TextWord> w, int first, int last)
    {
        var name = text[w[first].Start..w[last].End];
        var value = w[first].Script == TokenScript.Latin
            ? string.Join('-', Enumerable.Range(first, last - first + 1).Select(k => w[k].Key))
            : string.Join(' ', Enumerable.Range(first, last - first + 1).Select(k => w[k].Key));
        return new Entity
        {
            Kind = EntityKinds.Person,
            Value = value,
            Label = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            Text = name,
            Start = w[first].Start,
            End = w[last].End,
            Discovered = true,
        };
    }
}
