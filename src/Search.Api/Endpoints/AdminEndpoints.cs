using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Api.Jobs;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>/api/admin: start a reindex and follow its job (API key).</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin")
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .RequireApiKeyForWrites();
        group.MapPost("/reindex", StartReindex)
            .WithName("StartReindex")
            .WithSummary("Start a reindex (API key)")
            .WithDescription("mode=incremental (default: only what changed) or full (a new generation, switched in when complete). Returns 202 with the job; while a reindex runs, asking again returns the running job. Queries are answered throughout. While another process (a reindex from the command line) writes the index, the job fails and says so.");
        group.MapGet("/jobs/{id}", GetJob)
            .WithName("GetJob")
            .WithSummary("The state of a reindex job (API key)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Results<Accepted<JobResponse>, ProblemHttpResult> StartReindex(string? mode, ReindexJobs jobs)
    {
        ReindexMode parsed;
        switch ((mode ?? "incremental").Trim().ToLowerInvariant())
        {
            case "incremental":
                parsed = ReindexMode.Incremental;
                break;
            case "full":
                parsed = ReindexMode.Full;
                break;
            default:
                return Problems.BadParameter($"mode '{mode}' is not incremental or full.", "mode");
        }

        var (job, _) = jobs.Start(parsed, "api");
        return TypedResults.Accepted($"/api/admin/jobs/{job.Id}", ToResponse(job));
    }

    internal static Results<Ok<JobResponse>, ProblemHttpResult> GetJob(string id, ReindexJobs jobs) =>
        jobs.Get(id) is { } job
            ? TypedResults.Ok(ToResponse(job))
            : TypedResults.Problem(title: "No such job", detail: $"No reindex job has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static JobResponse ToResponse(ReindexJob job)
    {
        var report = job.Report;
        return new JobResponse(
            job.Id,
            (report?.Mode ?? job.Mode.ToString()).ToLowerInvariant(),
            job.Trigger,
            job.State,
            job.CreatedAt,
            job.FinishedAt,
            job.FinishedAt is { } end ? Math.Round((end - job.CreatedAt).TotalSeconds, 3) : null,
            job.Progress.Processed,
            report?.Added ?? 0,
            report?.Updated ?? 0,
            report?.Deleted ?? 0,
            report?.Unchanged ?? 0,
            report?.Withdrawn ?? 0,
            [.. (report?.Skipped ?? []).Select(s => new SkippedResponse(s.Source, s.Reason))],
            report?.Generation,
            job.Error);
    }
}
