using OpenQA.Selenium;

namespace Search.Api.Tests.Browser;

/// <summary>The search page in a real browser against the real service on loopback, as a reader uses it.</summary>
[NonParallelizable]
public class SearchPageTests
{
    private ServiceProcess _service = null!;

    [OneTimeSetUp]
    public void StartService() => _service = new ServiceProcess();

    [OneTimeTearDown]
    public void StopService() => _service.Dispose();

    private int HitCount(Browser b) => b.All("#hits > li.hit").Count;

    private static void Search(Browser b, string query)
    {
        var box = b.Find("#q");
        box.Clear();
        box.SendKeys(query + Keys.Enter);
    }

    [Test]
    public void Typing_a_query_shows_hits_with_marked_words()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/");
        Search(b, "massacre");
        b.Until(() => HitCount(b) == 2, "two hits for massacre");
        Assert.That(b.All("#hits mark").Select(m => m.Text), Has.Some.EqualTo("massacre"));
        Assert.That(b.Driver.Url, Does.Contain("q=massacre"), "the query is in the URL");
        b.Screenshot("search-massacre");
    }

    [Test]
    public void Ticking_a_facet_narrows_the_hits_and_shows_the_filter()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre");
        b.Until(() => HitCount(b) == 2, "two hits");
        var oslo = b.Find("#facet-place input[data-value='oslo']");
        oslo.Click();
        b.Until(() => HitCount(b) == 1, "one hit after ticking Oslo");
        Assert.That(b.Find("#hits .title").Text, Does.StartWith("More than 110"));
        Assert.That(b.Find("#active-filters .active-filter").Text, Does.Contain("Oslo"));
        // Multi-select: the place counts still show the other places to add.
        Assert.That(b.All("#facet-place input").Count, Is.GreaterThan(1));
        b.Screenshot("facet-oslo");

        b.Find("#active-filters .active-filter").Click();
        b.Until(() => HitCount(b) == 2, "two hits after removing the filter");
    }

    [Test]
    public void Clicking_an_entity_chip_filters_by_it()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre");
        b.Until(() => HitCount(b) == 2, "two hits");
        var chip = b.All("#hits .chip.person").First(c => c.Text == "Mohammad Nurizad");
        chip.Click();
        b.Until(() => HitCount(b) == 1, "one hit after the Nurizad chip");
        Assert.That(b.Driver.Url, Does.Contain("person=mohammad-nurizad"));
    }

    [Test]
    public void The_interface_switches_to_persian_right_to_left_with_persian_digits()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre");
        b.Until(() => HitCount(b) == 2, "two hits");
        b.Find("#lang-switch").Click();
        b.Until(() => b.Driver.FindElement(By.TagName("html")).GetAttribute("dir") == "rtl", "the page turns right-to-left");
        Assert.That(b.Driver.FindElement(By.TagName("html")).GetAttribute("lang"), Is.EqualTo("fa"));
        b.Until(() => b.Find("#status").Text.Contains('۲'), "the count in Persian digits");
        Assert.That(b.Find("#search-button").Text, Is.EqualTo("جست‌وجو"));
        var title = b.Find("#hits .title");
        Assert.That(title.GetAttribute("dir"), Is.EqualTo("auto"), "English titles keep their own direction");
        b.Screenshot("interface-persian");

        b.Find("#lang-switch").Click();
        b.Until(() => b.Driver.FindElement(By.TagName("html")).GetAttribute("dir") == "ltr", "back to left-to-right");
    }

    [Test]
    public void Opening_a_document_shows_its_text_with_entities_and_back_returns()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=Oslo");
        b.Until(() => HitCount(b) == 1, "one hit");
        b.Find("#hits .title").Click();
        b.Until(() => b.All("#document mark.entity").Count > 5, "the document with its entities marked");
        Assert.That(b.Driver.Url, Does.Contain("doc=004_8f4efd12ef216f65"));
        Assert.That(b.All("#document mark.entity.person").Select(m => m.Text), Has.Some.EqualTo("Mostafa Pour-Mohammadi"));
        Assert.That(b.Find("#document .permalink").GetAttribute("href"), Does.EndWith("?doc=004_8f4efd12ef216f65"));
        var dateLine = b.All("#document .full-text p")[0];
        Assert.That(dateLine.GetCssValue("direction"), Is.EqualTo("rtl"), "the Persian date line runs right to left");
        Assert.That(b.All("#document .full-text p")[1].GetCssValue("direction"), Is.EqualTo("ltr"), "the English text left to right");
        b.Screenshot("document");

        b.Driver.Navigate().Back();
        b.Until(() => HitCount(b) == 1 && b.Find("#results").Displayed, "back to the results");
    }

    [Test]
    public void A_link_reproduces_the_results()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre&place=oslo");
        b.Until(() => HitCount(b) == 1, "the filtered result straight from the link");
        Assert.That(b.Find("#q").GetAttribute("value"), Is.EqualTo("massacre"));
    }

    [Test]
    public void The_date_histogram_narrows_to_months()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre");
        b.Until(() => b.All("#facet-date .bar-button").Count > 0, "a histogram by year");
        b.All("#facet-date .bar-button").First(bar => bar.GetAttribute("aria-label")!.StartsWith("2016", StringComparison.Ordinal)).Click();
        b.Until(() => b.Find("#facet-date h2").Text.Contains("2016"), "the months of 2016");
        Assert.That(HitCount(b), Is.EqualTo(1));
        b.Screenshot("dates-2016");
    }

    [Test]
    public void An_empty_result_suggests_what_to_try_and_an_error_is_shown()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=qqqzzzxxx");
        b.Until(() => b.All("#status .hints li").Count > 0, "hints for an empty result");
        Search(b, "\"unclosed");
        b.Until(() => b.Find("#status").GetAttribute("class") == "error", "the API's error shown");
        Assert.That(b.Find("#status").Text, Does.Contain("never closed"));
        b.Screenshot("error");
    }

    [Test]
    public void Keyboard_slash_focuses_the_search_box_and_the_help_opens()
    {
        using var b = new Browser();
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/");
        b.Find("body").SendKeys("/");
        Assert.That(b.Driver.SwitchTo().ActiveElement().GetAttribute("id"), Is.EqualTo("q"));
        b.Find("#help-button").Click();
        Assert.That(b.Find("#syntax-help").Text, Does.Contain("date:[1988-07-01 TO 1988-12-31]"));
    }

    [Test]
    public void The_page_fits_a_narrow_phone_screen()
    {
        using var b = new Browser(390, 844);
        b.Driver.Navigate().GoToUrl(_service.BaseUrl + "/?q=massacre");
        b.Until(() => HitCount(b) == 2, "two hits");
        var overflow = (long)b.Driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;")!;
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "no sideways scrolling");
        b.Screenshot("phone");
    }
}
