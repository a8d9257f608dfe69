using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Search.Core.Analysis;
using Search.Core.Configuration;

namespace Search.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of the analyzers and the entity extractor on real-shaped text.</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private const string Persian = "در تابستان ۱۳۶۷ بیش از ۳۰٬۰۰۰ زندانی سیاسی در زندان‌های اوین و گوهردشت به دستور آیت‌الله خمینی اعدام شدند و پیکرهای آنان در گورهای جمعی خاوران دفن شد. هیئت مرگ در تهران از حسینعلی نیری، مرتضی اشراقی، ابراهیم رئیسی و مصطفی پورمحمدی تشکیل شده بود.";
    private const string English = "In the summer of 1988, the Iranian regime summarily executed over 30,000 political prisoners held in jails across Iran. Mostafa Pour-Mohammadi, the Justice Minister in Hassan Rouhani's cabinet, was the Intelligence Ministry official on the Death Commission in Tehran; on August 28, 2016 he publicly defended it.";

    private IndexSettings _settings = null!;
    private IAnalyzer _auto = null!;

    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(MicroBenchmarks)]).Run(args);
        return 0;
    }

    [GlobalSetup]
    public void Setup()
    {
        _settings = IndexSettings.Load(ConfigDirectory.Resolve(null));
        _auto = _settings.Analyzers.Get("auto");
    }

    [Benchmark]
    public int AnalyzePersian() => _auto.Analyze(Persian).Count;

    [Benchmark]
    public int AnalyzeEnglish() => _auto.Analyze(English).Count;

    [Benchmark]
    public int ExtractPersian() => _settings.Extractor.Extract(Persian).Count;

    [Benchmark]
    public int ExtractEnglish() => _settings.Extractor.Extract(English).Count;
}
