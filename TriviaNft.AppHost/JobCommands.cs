using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriviaNft.AppHost.LocalEmulation;
using TriviaNft.Data;
using TriviaNft.Data.Jobs;

namespace TriviaNft.AppHost;

/// <summary>
/// The <c>jobs</c> resource's menu: "Run &lt;job&gt; now" for every job of the data layer. Each posts to the scheduler's
/// loopback endpoint (<c>POST /jobs/&lt;job&gt;/run</c>), so the run happens in that process, with its span, logs and
/// <c>job_runs</c> row like a scheduled run's, and the job's summary comes back as the command's result.
/// </summary>
internal static class JobCommands
{
    // A run over a large table (a purge, a leaderboard rebuild) takes a while; past this the command stops waiting.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(5);

    // One client for every command; each request has its own deadline.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The command that runs <paramref name="job"/> now, e.g. <c>run-eligibility-expiry</c>.</summary>
    public static string CommandName(string job) => $"run-{job}";

    /// <summary>The data layer's jobs: name, what each does and when it runs (in the schedules' default zone).</summary>
    public static IReadOnlyList<(string Name, string Description, string Schedule)> Jobs()
    {
        // The list comes from the data layer itself, so a new job gets its command. Jobs connect only when they run:
        // this data source is never opened.
        var database = TriviaNftDataSources.FromConnectionStrings($"Host=127.0.0.1;Database={ResourceNames.DatabaseName}");
        try
        {
            var zone = JobsOptions.Default.TimeZone;
            return [.. TriviaNftJobs.Create(database).Select(j => (j.Name, j.Description, $"{j.Schedule} ({zone})"))];
        }
        finally
        {
            database.Writer.Dispose();
        }
    }

    public static IResourceBuilder<ProjectResource> WithJobCommands(this IResourceBuilder<ProjectResource> builder)
    {
        var scheduler = builder.Resource;
        foreach (var (name, description, schedule) in Jobs())
        {
            builder.WithCommand(CommandName(name), $"Run {name} now", context => RunNowAsync(scheduler, name, context), new CommandOptions
            {
                Description = $"{description} Scheduled {schedule}; this runs it now, in the jobs process, as of this instant.",
                IconName = "Play",
                UpdateState = CommandStates.WhenRunning,
            });
        }

        return builder;
    }

    private static async Task<ExecuteCommandResult> RunNowAsync(ProjectResource scheduler, string job, ExecuteCommandContext context)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        deadline.CancelAfter(AnswerTimeout);
        var port = await scheduler.TargetPortAsync(JobsBuilderExtensions.TriggerEndpoint, deadline.Token).ConfigureAwait(false);
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await Http.PostAsync(new Uri($"http://127.0.0.1:{port}/jobs/{job}/run"), content: null, deadline.Token).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            var message = $"{job}: no answer within {AnswerTimeout.TotalMinutes:0} min. The run goes on in the jobs process; its console log and job_runs tell how it ends.";
            context.Logger.LogWarning("{Message}", message);
            return CommandResults.Failure(message);
        }
        catch (HttpRequestException ex)
        {
            var message = $"{job}: the jobs process does not answer on port {port} ({ex.Message}).";
            context.Logger.LogWarning("{Message}", message);
            return CommandResults.Failure(message);
        }

        if (status != HttpStatusCode.OK)
        {
            return CommandResults.Failure(status == HttpStatusCode.NotFound
                ? $"The jobs process has no job {job}."
                : $"{job}: the jobs process answered {(int)status} {status}; its console log says why.");
        }

        return Result(job, body);
    }

    /// <summary>The run's answer as the command's result: its summary as the message, the whole answer as JSON data.</summary>
    internal static ExecuteCommandResult Result(string job, string body)
    {
        try
        {
            using var answer = JsonDocument.Parse(body);
            var run = answer.RootElement;
            var summary = run.GetProperty("summary").GetString();
            if (run.GetProperty("status").GetString() != "succeeded")
            {
                // failed (the summary says why) or already-running (another runner holds the job; nothing was done).
                return CommandResults.Failure($"{job}: {summary}", body, CommandResultFormat.Json);
            }

            var rows = run.GetProperty("rowsAffected").GetInt64();
            var ms = run.GetProperty("durationMs").GetInt64();
            return CommandResults.Success(
                string.Create(CultureInfo.InvariantCulture, $"{job}: {summary} ({rows} rows, {ms} ms)."), body, CommandResultFormat.Json);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return CommandResults.Failure($"{job}: the jobs process gave an answer that is not a job run ({ex.Message}).");
        }
    }
}
