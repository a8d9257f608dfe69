using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Api.Hosting;

/// <summary>
/// Serves what another process wrote (a reindex from the command line beside the service), looked for every few
/// seconds (Search:WatchSeconds): a generation it published, which CURRENT names, and the host moves to as it does
/// after a run of its own (readers of the old generation finish, and the service deletes it once they have); or
/// changes it committed into the served generation in place, loaded once it is done writing. The service's own runs
/// and writes refresh the host themselves.
/// </summary>
internal sealed class PublishedGenerationWatch(IndexHost host, LiveIndex live, IndexSettings settings, IOptions<SearchServiceOptions> options, ILogger<PublishedGenerationWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WatchSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // The service is stopping.
        }
    }

    private void Refresh()
    {
        try
        {
            if (!host.Refresh())
            {
                if (live.CatchUp())
                {
                    logger.LogInformation("Serving {Generation} as another process changed it.", host.CurrentPath);
                }

                return;
            }

            logger.LogInformation("Serving {Generation}, which CURRENT now names.", host.CurrentPath);
            if (host.ServedFingerprint != settings.Fingerprint)
            {
                // Served all the same: it is what the directory publishes, and a run of this service rebuilds it.
                logger.LogWarning("{Generation} was built with other analyzers or gazetteer than this service's: queries may not match it as they should until a reindex through the service.", host.CurrentPath);
            }
        }
        catch (Exception e)
        {
            // A half-written or unreadable generation: the served one stays, and the next tick tries again.
            logger.LogWarning(e, "Could not open the generation CURRENT names; still serving {Generation}.", host.CurrentPath);
        }
    }
}
