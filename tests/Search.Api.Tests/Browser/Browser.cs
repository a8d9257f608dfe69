using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Search.Api.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven by Selenium through Debian's chromedriver; screenshots attached to the test.</summary>
internal sealed class Browser : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "search-chromium-" + Guid.NewGuid().ToString("N"));

    public Browser(int width = 1280, int height = 1000)
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            const string message = "Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver), Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--window-size={width},{height}", $"--user-data-dir={_profile}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(15));
        // The page re-renders lists as results arrive: an element read mid-render is simply read again.
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
    }

    public ChromeDriver Driver { get; }

    public WebDriverWait Wait { get; }

    public IWebElement Find(string css) => Wait.Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed));

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until the condition holds, failing with <paramref name="what"/> when it does not.</summary>
    public void Until(Func<bool> condition, string what)
    {
        try
        {
            Wait.Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Timed out waiting for: {what}");
        }
    }

    /// <summary>Saves a screenshot as an artifact of the running test.</summary>
    public void Screenshot(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment.
        }
    }
}
