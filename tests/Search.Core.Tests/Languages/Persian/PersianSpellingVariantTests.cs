namespace Search.Core.Tests.Languages.Persian;

/// <summary>Each group holds spellings people really use for one word; all must analyze to the same terms.</summary>
public class PersianSpellingVariantTests
{
    private static readonly string[][] Groups =
    [
        ["می\u200Cخواهم", "میخواهم", "می خواهم", "مي خواهم", "مي\nخواهم", "می\r\nخواهم"],
        ["کتاب\u200Cها", "کتابها", "کتاب ها", "كتاب ها"],
        ["نمی\u200Cدانم", "نمیدانم", "نمی دانم", "نمي دانم"],
        ["کتاب\u200Cهای", "کتابهای", "کتاب های"],
        ["بزرگ\u200Cتر", "بزرگتر", "بزرگ تر"],
        ["بزرگ\u200Cترین", "بزرگترین", "بزرگ ترین"],
        ["خانه\u200Cای", "خانه ای", "خانه\u200Cاي"],
        ["می\u200Cشوند", "میشوند", "می شوند", "مي\u200Cشوند"],
        ["زندانیان", "زندانيان", "زندانیــان"],
        ["۱۳۶۷", "١٣٦٧", "1367"],
    ];

    private static IEnumerable<TestCaseData> Variants()
    {
        foreach (var group in Groups)
        {
            foreach (var analyzer in new[] { "fa", "auto" })
            {
                foreach (var stem in new[] { true, false })
                {
                    yield return new TestCaseData(analyzer, stem, group).SetName($"{analyzer}{(stem ? "" : " without stemming")}: {group[1]}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void All_spellings_analyze_to_the_same_terms(string analyzer, bool stem, string[] spellings)
    {
        var expected = Analyzers.Terms(analyzer, spellings[0], stem);
        Assert.That(expected, Has.Length.EqualTo(1), "one word in, one term out");
        foreach (var spelling in spellings.Skip(1))
        {
            Assert.That(Analyzers.Terms(analyzer, spelling, stem), Is.EqualTo(expected), spelling);
        }
    }

    [Test]
    public void A_joined_word_spans_both_parts_in_the_original_text()
    {
        const string text = "او می خواهم گفت";
        var token = Analyzers.Registry.Get("fa").Analyze(text).Single(t => t.Term.StartsWith("می", StringComparison.Ordinal));
        Assert.That(text[token.Start..token.End], Is.EqualTo("می خواهم"));
    }

    [Test]
    public void A_detached_prefix_does_not_join_across_punctuation_or_latin_words()
    {
        Assert.That(Analyzers.Terms("fa", "می. خواهم", stem: false), Has.Length.EqualTo(1), "می alone is a stop word; خواهم stays apart");
        Assert.That(Analyzers.Terms("fa", "کتاب، ها", stem: false), Has.Length.EqualTo(2), "a comma keeps ها apart");
        Assert.That(Analyzers.Terms("auto", "کتاب Evin ها", stem: false), Does.Contain("evin"));
    }
}
