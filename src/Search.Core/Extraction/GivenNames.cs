using System.Globalization;
using Search.Core.Languages.English;
using Search.Core.Languages.Persian;

namespace Search.Core.Extraction;

/// <summary>
/// Given names for discovering persons, from index-config/names/persian-gender-by-name.csv (name,gender,english_name),
/// restricted to the common names below and every Latin spelling the file gives them (Mohammad, Mohamad, Muhammad…).
/// The whole file is not used: it also holds words of everyday Persian (امید, بهار) and Latin spellings that are
/// English words or names of things (Mehr, Arab), which would turn "Mehr News Agency" or "امید زیادی" into persons.
/// </summary>
public sealed class GivenNames
{
    private static readonly string[] CommonPersian =
    [
        "محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "احمد", "محمود", "مصطفی", "مرتضی", "جواد", "سعید", "مجید", "حمید", "عباس",
        "اکبر", "ابراهیم", "اسماعیل", "یوسف", "داوود", "هادی", "کاظم", "جعفر", "صادق", "ناصر", "منصور", "مسعود", "بهروز", "فرهاد",
        "پرویز", "بهمن", "کامران", "امیر", "عبدالله", "غلامحسین", "غلامرضا", "محمدرضا", "محمدعلی", "علیرضا", "حمیدرضا", "مهران",
        "اصغر", "قاسم", "نادر", "شهرام", "بیژن", "سیامک", "کورش", "داریوش", "فریدون", "منوچهر", "حبیب", "رحیم", "کریم", "مجتبی",
        "فاطمه", "زهرا", "مریم", "معصومه", "نرگس", "نسرین", "شیرین", "مهسا", "سمیه", "زینب", "سکینه", "اعظم", "لیلا", "سارا",
        "فرشته", "منیژه", "پروین", "شهلا", "اشرف", "طاهره", "رقیه", "الهام", "نازنین", "نیلوفر", "ژینا", "نگین", "آتنا", "گلرخ",
    ];

    private readonly HashSet<string> _latin;
    private readonly HashSet<string> _persian;

    private GivenNames(HashSet<string> latin, HashSet<string> persian)
    {
        _latin = latin;
        _persian = persian;
    }

    public static GivenNames Empty { get; } = new([], []);

    public static GivenNames Load(string configDirectory)
    {
        var path = Path.Combine(configDirectory, "names", "persian-gender-by-name.csv");
        var latin = new HashSet<string>(StringComparer.Ordinal);
        var persianInFile = new HashSet<string>(StringComparer.Ordinal);
        var common = CommonPersian.Select(PersianLetters.Fold).ToHashSet(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var columns = line.Split(',');
                if (columns.Length >= 3)
                {
                    var persianName = PersianLetters.Fold(columns[0].Trim());
                    persianInFile.Add(persianName);
                    var english = LatinFolding.Fold(columns[2].Trim());
                    if (common.Contains(persianName) && english.Length >= 3 && !english.Contains(' ', StringComparison.Ordinal))
                    {
                        latin.Add(english);
                    }
                }
            }
        }

        var persian = CommonPersian.Select(PersianLetters.Fold).Where(n => persianInFile.Count == 0 || persianInFile.Contains(n)).ToHashSet(StringComparer.Ordinal);
        // Spellings common in English-language reporting that the file writes otherwise.
        foreach (var extra in new[] { "mohammad", "mohamad", "muhammad", "mostafa", "mustafa", "hossein", "hussein", "reza", "ali", "hassan", "ebrahim", "massoud", "masoud", "perviz", "parviz", "maryam", "narges", "nasrin", "bijan", "mahmoud", "javad", "saeed", "hamid", "majid", "mehdi", "ahmad", "abbas", "akbar", "zahra", "fatemeh", "shirin", "leila", "sara" })
        {
            latin.Add(extra);
        }

        return new GivenNames(latin, persian);
    }

    public bool IsLatin(string foldedKey) => _latin.Contains(foldedKey.ToLower(CultureInfo.InvariantCulture));

    public bool IsPersian(string foldedKey) => _persian.Contains(foldedKey);

    /// <summary>The files read, for the analyzer fingerprint.</summary>
    public static string PathIn(string configDirectory) => Path.Combine(configDirectory, "names", "persian-gender-by-name.csv");
}
