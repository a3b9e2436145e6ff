using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriviaNft.Data.Jobs;

namespace TriviaNft.Migrator.Jobs;

/// <summary>
/// Runs what is due, then looks again every minute. Due-ness comes from <c>job_runs</c>, not from timers, so a run
/// missed while the machine slept (monotonic timers stop during suspend) or while the AppHost was down is caught
/// up at the next look, as of the instant it was scheduled for.
/// </summary>
internal sealed partial class JobScheduler(JobRunner runner, ILogger<JobScheduler> logger, TimeProvider? time = null) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                var next = (await runner.ListAsync(cancellationToken: stoppingToken).ConfigureAwait(false)).MinBy(s => s.NextRun);
                if (next is not null)
                {
                    LogNext(next.Job, next.NextRun);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting (a failover command): keep the schedule, try again next minute.
                LogLookFailed(ex.GetType().Name, ex.Message);
            }

            try
            {
                await Task.Delay(LookEvery, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Next job: {Job} at {NextRun:O}")]
    private partial void LogNext(string job, DateTimeOffset nextRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for due jobs ({Error}: {Message}); trying again in a minute")]
    private partial void LogLookFailed(string error, string message);
}
