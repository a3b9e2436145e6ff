using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// Runs the scheduled jobs by name, as of an instant: exclusive per job across processes (a transaction-scoped
/// advisory lock held for the run on the writer, so a killed runner releases it with its connection), traced,
/// measured and recorded in <c>job_runs</c> (the runner's bookkeeping table, like the migrator's <c>pgmigrations</c>),
/// which tells what is due.
/// </summary>
public sealed partial class JobRunner
{
    private readonly TriviaNftDatabase _database;
    private readonly Dictionary<string, IScheduledJob> _jobs;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a runner of <paramref name="jobs"/> (see <see cref="TriviaNftJobs.Create"/>).</summary>
    /// <param name="database">The endpoints; the writer must be a direct connection or a proxy in transaction mode.</param>
    /// <param name="jobs">The jobs, by unique name.</param>
    /// <param name="options">The schedules' zone; <see cref="JobsOptions.Default"/> when null.</param>
    /// <param name="timeProvider">"Now" when no instant is given; the system clock when null.</param>
    /// <param name="logger">One line per run.</param>
    public JobRunner(TriviaNftDatabase database, IEnumerable<IScheduledJob> jobs, JobsOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _database = database;
        _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
        _zone = (options ?? JobsOptions.Default).Checked().Zone;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The jobs, in name order.</summary>
    public IReadOnlyList<IScheduledJob> Jobs => [.. _jobs.Values.OrderBy(j => j.Name, StringComparer.Ordinal)];

    /// <summary>The schedules' zone.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>The job named <paramref name="name"/>.</summary>
    /// <exception cref="JobNotFoundException">No such job.</exception>
    public IScheduledJob Get(string name) =>
        _jobs.TryGetValue(name, out var job) ? job : throw new JobNotFoundException(name, _jobs.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// Runs <paramref name="name"/> as of <paramref name="at"/> (now when null). Another runner of the same job
    /// makes this one return <see cref="JobRunStatus.AlreadyRunning"/> at once; a failure is returned, not thrown.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job.</exception>
    public async Task<JobRunResult> RunAsync(string name, DateTimeOffset? at = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var job = Get(name);
        var context = new JobContext((at ?? _time.GetUtcNow()).ToUniversalTime(), dryRun);
        using var activity = JobTelemetry.ActivitySource.StartActivity($"job {name}");
        activity?.SetTag("job.name", name);
        activity?.SetTag("job.at", context.At.ToString("O"));
        activity?.SetTag("job.dry_run", dryRun);
        var started = Stopwatch.GetTimestamp();
        JobRunResult result;
        try
        {
            result = dryRun
                ? await RunOnceAsync(job, context, started, cancellationToken).ConfigureAwait(false)
                : await RunExclusiveAsync(job, context, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The lock, the history or the run's row failed (the writer is down or read-only): the run failed too.
            result = Failed(job, context, started, ex);
        }

        JobTelemetry.Record(result, activity);
        Log(result);
        return result;
    }

    /// <summary>Runs, one after the other, every job that is due at <paramref name="at"/>, each as of its latest scheduled instant.</summary>
    public async Task<IReadOnlyList<JobRunResult>> RunDueAsync(DateTimeOffset? at = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var results = new List<JobRunResult>();
        foreach (var status in await ListAsync(at, cancellationToken).ConfigureAwait(false))
        {
            if (status.Due)
            {
                results.Add(await RunAsync(status.Job, status.DueFor, dryRun, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Every job with its schedule, last successful run and next run, as of <paramref name="at"/> (now when null).</summary>
    public async Task<IReadOnlyList<JobStatus>> ListAsync(DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var now = (at ?? _time.GetUtcNow()).ToUniversalTime();
        var last = await LastSuccessfulRunsAsync(cancellationToken).ConfigureAwait(false);
        return [.. Jobs.Select(job =>
        {
            var dueFor = job.Schedule.LatestAtOrBefore(now, _zone);
            var lastFor = last.TryGetValue(job.Name, out var l) ? l : (DateTimeOffset?)null;
            return new JobStatus
            {
                Job = job.Name,
                Description = job.Description,
                Schedule = $"{job.Schedule} ({_zone.Id})",
                LastRunFor = lastFor,
                NextRun = job.Schedule.NextAfter(now, _zone),
                Due = lastFor is null || lastFor < dueFor,
                DueFor = dueFor,
            };
        })];
    }

    private async Task<JobRunResult> RunExclusiveAsync(IScheduledJob job, JobContext context, long started, CancellationToken cancellationToken)
    {
        await EnsureHistoryAsync(cancellationToken).ConfigureAwait(false);
        // The lock lives in a transaction that stays open for the run: transaction-scoped, so it is safe behind a
        // proxy in transaction mode, and released by PostgreSQL when this connection goes, whatever kills the run.
        await using var connection = await _database.Writer.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtextextended('trivianft-job/' || $1, 0))", connection, transaction))
        {
            tryLock.Parameters.AddWithValue(job.Name);
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new JobRunResult
                {
                    Job = job.Name, At = context.At, Status = JobRunStatus.AlreadyRunning,
                    Summary = "already running in another runner; this run did nothing", Duration = Stopwatch.GetElapsedTime(started),
                };
            }
        }

        var startedAt = _time.GetUtcNow();
        var result = await RunOnceAsync(job, context, started, cancellationToken).ConfigureAwait(false);
        await RecordAsync(result, startedAt, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task<JobRunResult> RunOnceAsync(IScheduledJob job, JobContext context, long started, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await job.RunAsync(context, cancellationToken).ConfigureAwait(false);
            return new JobRunResult
            {
                Job = job.Name, At = context.At, DryRun = context.DryRun, Status = JobRunStatus.Succeeded, RowsAffected = outcome.RowsAffected,
                Summary = outcome.Summary, Gauges = outcome.Gauges, Duration = Stopwatch.GetElapsedTime(started),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(job, context, started, ex);
        }
    }

    private static JobRunResult Failed(IScheduledJob job, JobContext context, long started, Exception ex) => new()
    {
        Job = job.Name, At = context.At, DryRun = context.DryRun, Status = JobRunStatus.Failed,
        Summary = $"failed: {ex.Message}", Error = $"{ex.GetType().Name}: {ex.Message}", Duration = Stopwatch.GetElapsedTime(started),
    };

    private void Log(JobRunResult result)
    {
        switch (result.Status)
        {
            case JobRunStatus.Succeeded:
                LogSucceeded(result.Job, result.At, result.DryRun, result.RowsAffected, result.Duration.TotalMilliseconds, result.Summary);
                break;
            case JobRunStatus.AlreadyRunning:
                LogAlreadyRunning(result.Job, result.At);
                break;
            default:
                LogFailed(result.Job, result.At, result.Error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} as of {At:O} (dry run: {DryRun}): {RowsAffected} rows in {DurationMs:0} ms: {Summary}")]
    private partial void LogSucceeded(string job, DateTimeOffset at, bool dryRun, long rowsAffected, double durationMs, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} as of {At:O} is already running in another runner; this run did nothing")]
    private partial void LogAlreadyRunning(string job, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} as of {At:O} failed: {Error}")]
    private partial void LogFailed(string job, DateTimeOffset at, string? error);
}
