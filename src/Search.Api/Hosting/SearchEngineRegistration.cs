using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Api.Hosting;

/// <summary>Wires the library into the service: options, analyzers, the index host and the engine, all singletons.</summary>
internal static class SearchEngineRegistration
{
    public static IServiceCollection AddSearchEngine(this IServiceCollection services)
    {
        services.AddOptions<SearchServiceOptions>()
            .BindConfiguration(SearchServiceOptions.Section)
            .PostConfigure(o =>
            {
                if (o.Sources.Count == 0)
                {
                    o.Sources.Add("seeds");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SearchPaths>();
        services.AddSingleton(sp => IndexSettings.Load(sp.GetRequiredService<SearchPaths>().ConfigDirectory));
        services.AddSingleton(sp => new IndexHost(new IndexDirectory(sp.GetRequiredService<SearchPaths>().IndexDirectory)));
        services.AddSingleton<ISearchEngine, SqliteSearchEngine>();
        services.AddSingleton<WriterGate>();
        services.AddSingleton<LiveIndex>();
        services.AddSingleton(sp => new DocumentFolder(sp.GetRequiredService<SearchPaths>().Documents));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Jobs.ReindexJobs>();
        services.AddOptions<Jobs.ReindexOptions>().BindConfiguration(Jobs.ReindexOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Schedule) || IsCron(o.Schedule), "Reindex:Schedule is not a valid five-field cron expression.")
            .ValidateOnStart();
        services.AddHostedService<Jobs.ReindexScheduler>();
        services.AddHostedService<PublishedGenerationWatch>();
        return services;
    }

    /// <summary>
    /// On a fresh machine there is no index yet, and after an upgrade the index may have been built with another
    /// schema or other analyzers: build one from the configured sources before serving.
    /// </summary>
    public static void EnsureIndexExists(this WebApplication app)
    {
        var host = app.Services.GetRequiredService<IndexHost>();
        var settings = app.Services.GetRequiredService<IndexSettings>();
        Directory.CreateDirectory(app.Services.GetRequiredService<SearchPaths>().Documents);
        string reason;
        if (host.CurrentPath is null)
        {
            reason = host.UnreadableGeneration ?? "No index was found";
        }
        else if (host.ServedFingerprint != settings.Fingerprint)
        {
            reason = "The index was built with other analyzers or gazetteer";
        }
        else
        {
            return;
        }

        var paths = app.Services.GetRequiredService<SearchPaths>();
        var runner = new ReindexRunner(settings, app.Services.GetRequiredService<WriterGate>());
        ReindexReport report;
        try
        {
            report = runner.RunFull(host.Directory, [.. paths.Sources.Select(s => new FolderSource(s))], host);
        }
        catch (IndexBusyException e)
        {
            // Another process is building or writing it: what it publishes is served when it does (the watch).
            app.Logger.LogWarning("{Reason}, and it was not built here: {Busy}", reason, e.Message);
            return;
        }

        app.Logger.LogInformation(
            "{Reason}; built {Generation} from {Sources}: {Added} documents, {Skipped} skipped.",
            reason, report.Generation, string.Join(", ", paths.Sources), report.Added, report.Skipped.Count);
        foreach (var skipped in report.Skipped)
        {
            app.Logger.LogWarning("Skipped {Source}: {Reason}", skipped.Source, skipped.Reason);
        }
    }

    private static bool IsCron(string expression)
    {
        try
        {
            Jobs.CronSchedule.Parse(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static void ListenOnDefaultUrlUnlessConfigured(this WebApplicationBuilder builder, string url)
    {
        // --urls, ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS all land in configuration; only when none is set do we pick.
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.WebHost.UseUrls(url);
        }
    }
}
