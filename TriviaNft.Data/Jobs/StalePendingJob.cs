namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>stale-pending</c>, hourly at :30: counts mints and forges pending longer than <see cref="JobsOptions.PendingTimeout"/>
/// and reports them for an alarm. It changes nothing on purpose: a pending operation waits on a blockchain
/// transaction, and only the service watching the chain knows whether it landed. Failing it on a timer would free
/// its catalog item or inputs while the chain may still mint or burn them.
/// </summary>
internal sealed class StalePendingJob(TriviaNftDatabase database, JobsOptions options) : IScheduledJob
{
    public string Name => JobNames.StalePending;

    public string Description => "Reports mints and forges pending past the timeout (changes nothing).";

    public JobSchedule Schedule { get; } = JobSchedule.Every(60, 30);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM mints WHERE status = 'pending' AND created_at < @cutoff)
                 + (SELECT count(*) FROM forge_operations WHERE status = 'pending' AND created_at < @cutoff)
            """;
        var cutoff = context.At - options.PendingTimeout;
        var stale = await JobSql.ScalarAsync<long>(database.Writer, sql, cancellationToken, ("cutoff", cutoff)).ConfigureAwait(false);
        return new JobOutcome
        {
            Summary = $"{stale} mints and forges pending since before {cutoff:O}",
            Gauges = new Dictionary<string, long> { [JobMetricNames.StalePendingOperations] = stale },
        };
    }
}
