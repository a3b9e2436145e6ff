using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Jobs;
using TriviaNft.Migrator.Engine;
using TriviaNft.Migrator.Jobs;

namespace TriviaNft.Migrator.Cli;

/// <summary>
/// <c>jobs list</c>, <c>jobs run &lt;job&gt;|--due</c> and <c>jobs schedule</c>: the scheduled jobs by hand, with
/// <c>--at</c>, <c>--dry-run</c> and <c>--json</c>. Exit codes are the migrator's: 0 done, 1 a job failed,
/// 2 usage or configuration (unknown job, malformed instant, no database), 3 another runner holds the job.
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliOptions options, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var at = new Option<string?>("--at") { Description = "Act as of this instant (ISO 8601 with an offset, e.g. 2027-03-01T05:00:00Z). Default: now.", Recursive = true };
        var due = new Option<bool>("--due") { Description = "Run every job that is due (each as of its latest scheduled instant)." };
        var job = new Argument<string?>("job") { Description = "The job to run (see `jobs list`).", Arity = ArgumentArity.ZeroOrOne };

        var list = new Command("list", "List the jobs with their schedule (America/New_York), last run and next run.");
        list.SetAction((parse, ct) => GuardedAsync(error, () => ListAsync(parse, options, at, configuration, output, ct)));
        var run = new Command("run", "Run one job, or every due job with --due.") { job, due };
        run.SetAction((parse, ct) => GuardedAsync(error, () => RunAsync(parse, options, at, parse.GetValue(job), parse.GetValue(due), configuration, output, error, ct)));
        var schedule = new Command("schedule", "Run the jobs on their schedule until stopped (the AppHost's jobs resource).");
        schedule.SetAction((_, ct) => GuardedAsync(error, () => JobSchedulerHost.RunAsync(configuration, ct)));

        var jobs = new Command("jobs", "The scheduled jobs: season rollover, daily snapshot, expiry, purge, leaderboard check, stale pending.")
        {
            at, list, run, schedule,
        };
        return jobs;
    }

    /// <summary>A database or Redis that cannot be reached is one readable line and exit 1, never a stack trace.</summary>
    private static async Task<int> GuardedAsync(TextWriter error, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or RedisException or TriviaNftDataException or TimeoutException)
        {
            var cause = ex.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : string.Empty;
            await error.WriteLineAsync($"Jobs failed: {ex.GetType().Name}: {ex.Message}{cause}").ConfigureAwait(false);
            return ExitCodes.MigrationFailed;
        }
    }

    private static async Task<int> ListAsync(ParseResult parse, CliOptions options, Option<string?> atOption, IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        var at = Instant(parse.GetValue(atOption));
        await using var connections = await JobsConnections.OpenAsync(parse.GetValue(options.Connection), configuration, withRedis: false).ConfigureAwait(false);
        var statuses = await connections.Runner(configuration).ListAsync(at, ct).ConfigureAwait(false);
        if (parse.GetValue(options.Json))
        {
            IReadOnlyList<JobListEntry> entries = [.. statuses.Select(JobListEntry.From)];
            await output.WriteLineAsync(JsonSerializer.Serialize(entries, JobsJsonContext.Default.IReadOnlyListJobListEntry)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"{"job",-22} {"schedule",-44} {"last run for",-26} {"next run",-26} due").ConfigureAwait(false);
        foreach (var s in statuses)
        {
            var last = s.LastRunFor?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
            await output.WriteLineAsync($"{s.Job,-22} {s.Schedule,-44} {last,-26} {s.NextRun.ToString("u", CultureInfo.InvariantCulture),-26} {(s.Due ? "yes" : "no")}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CliOptions options, Option<string?> atOption, string? name, bool due,
        IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (name is null == !due)
        {
            throw new MigrationConfigurationException("Name one job, or pass --due (not both). `jobs list` shows the jobs.");
        }

        var at = Instant(parse.GetValue(atOption));
        var dryRun = parse.GetValue(options.DryRun);
        var wanted = name is null ? new[] { JobNames.LeaderboardCheck } : new[] { name };
        await using var connections = await JobsConnections.OpenAsync(parse.GetValue(options.Connection), configuration, JobsConnections.NeedsRedis(wanted)).ConfigureAwait(false);
        var runner = connections.Runner(configuration);
        IReadOnlyList<JobRunResult> results;
        try
        {
            results = name is null
                ? await runner.RunDueAsync(at, dryRun, ct).ConfigureAwait(false)
                : [await runner.RunAsync(name, at, dryRun, ct).ConfigureAwait(false)];
        }
        catch (JobNotFoundException ex)
        {
            throw new MigrationConfigurationException(ex.Message);
        }

        if (parse.GetValue(options.Json))
        {
            IReadOnlyList<JobRunReport> reports = [.. results.Select(JobRunReport.From)];
            await output.WriteLineAsync(JsonSerializer.Serialize(reports, JobsJsonContext.Default.IReadOnlyListJobRunReport)).ConfigureAwait(false);
        }
        else
        {
            foreach (var r in results)
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{r.Job} as of {r.At:u}{(r.DryRun ? " (dry run)" : string.Empty)}: {JobRunReport.StatusText(r.Status)}, {r.RowsAffected} rows, {r.Duration.TotalMilliseconds:0} ms: {r.Summary}");
                await (r.Status == JobRunStatus.Failed ? error : output).WriteLineAsync(line).ConfigureAwait(false);
            }

            if (results.Count == 0)
            {
                await output.WriteLineAsync("No job is due.").ConfigureAwait(false);
            }
        }

        return results.Any(r => r.Status == JobRunStatus.Failed) ? ExitCodes.MigrationFailed
            : results.Any(r => r.Status == JobRunStatus.AlreadyRunning) ? ExitCodes.LockTimeout
            : ExitCodes.Ok;
    }

    /// <summary>An explicit instant: an ISO 8601 date and time with its offset (a local time would be ambiguous).</summary>
    internal static DateTimeOffset? Instant(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 19 && value.LastIndexOfAny(['+', '-']) > 10);
        return hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.ToUniversalTime()
            : throw new MigrationConfigurationException(
                $"--at '{value}' is not an instant: use ISO 8601 with an offset, e.g. 2027-03-01T05:00:00Z or 2027-03-01T00:00:00-05:00.");
    }
}
