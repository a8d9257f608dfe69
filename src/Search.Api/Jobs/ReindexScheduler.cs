using Microsoft.Extensions.Options;

namespace Search.Api.Jobs;

/// <summary>Runs a reindex at every time the Reindex:Schedule cron expression names, through the same job queue as the API.</summary>
internal sealed class ReindexScheduler(ReindexJobs jobs, IOptions<ReindexOptions> options, TimeProvider time, ILogger<ReindexScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Schedule))
        {
            return;
        }

        var schedule = CronSchedule.Parse(options.Value.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.Next(time.GetUtcNow());
            if (next is null)
            {
                logger.LogWarning("The reindex schedule '{Schedule}' names no time in the next four years.", options.Value.Schedule);
                return;
            }

            logger.LogInformation("Next scheduled reindex ({Mode}) at {Next:u}.", options.Value.Mode, next);
            try
            {
                await Task.Delay(next.Value - time.GetUtcNow(), time, stoppingToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }

            var (job, started) = jobs.Start(options.Value.Mode, "schedule");
            if (!started)
            {
                logger.LogInformation("A reindex ({Job}) is already running; the scheduled one is skipped.", job.Id);
            }
        }
    }
}
