using Search.Core.Languages.Persian;

namespace Search.Core.Tests.Languages.Persian;

public class PersianStemmerTests
{
    private static readonly PersianStemmer Stemmer = Analyzers.Registry.PersianStemmer;

    [TestCase("کتابها", "کتاب", TestName = "Plural ها is removed")]
    [TestCase("کتابهای", "کتاب", TestName = "Plural with ezafe های is removed")]
    [TestCase("کتابهایی", "کتاب", TestName = "Plural with indefinite هایی is removed")]
    [TestCase("زندانیان", "زندانی", TestName = "Plural ان is removed")]
    [TestCase("اطلاعات", "اطلاع", TestName = "Plural ات is removed")]
    [TestCase("بزرگتر", "بزرگ", TestName = "Comparative تر is removed")]
    [TestCase("بزرگترین", "بزرگ", TestName = "Superlative ترین is removed")]
    [TestCase("کتابهایشان", "کتاب", TestName = "Enclitic after a plural is removed with it")]
    [TestCase("ایران", "ایران", TestName = "A protected word keeps its final ان")]
    [TestCase("خاوران", "خاوران", TestName = "A protected place name keeps its final ان")]
    [TestCase("دختر", "دختر", TestName = "A short word keeps an ending that only looks like a suffix")]
    [TestCase("اعدام", "اعدام", TestName = "A word without a suffix is unchanged")]
    [TestCase("نمایندگان", "نماینده", TestName = "Plural گان gives back the final ه")]
    [TestCase("همگان", "همه", TestName = "A short plural in گان gives back its ه too")]
    [TestCase("دانشجویان", "دانشجو", TestName = "The glide of یان after a vowel goes with the plural")]
    [TestCase("مسابقات", "مسابقه", TestName = "A listed plural maps to its singular")]
    [TestCase("امکان", "امکان", TestName = "A derived protected word keeps its ending")]
    [TestCase("ناوگان", "ناوگان", TestName = "A protected word in گان is not a plural")]
    public void Stems(string word, string stem) =>
        Assert.That(Stemmer.Stem(PersianLetters.Normalize(word)), Is.EqualTo(stem));
}
