using TriviaNft.Data.Postgres.Eligibilities;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>eligibility-expiry</c>, every 15 minutes: marks active eligibilities past their window as expired, in short
/// batches. Nothing depends on it for correctness (an overdue eligibility is refused wherever it is used); it keeps
/// the status column telling the truth for reports and for the partial index of active rows.
/// </summary>
internal sealed class EligibilityExpiryJob(TriviaNftDatabase database, JobsOptions options) : IScheduledJob
{
    public string Name => JobNames.EligibilityExpiry;

    public string Description => "Marks active mint eligibilities past their window as expired.";

    public JobSchedule Schedule { get; } = JobSchedule.Every(15);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (context.DryRun)
        {
            var overdue = await JobSql.ScalarAsync<long>(database.Writer,
                "SELECT count(*) FROM eligibilities WHERE status = 'active' AND expires_at <= @at", cancellationToken, ("at", context.At)).ConfigureAwait(false);
            return new JobOutcome { RowsAffected = overdue, Summary = $"would expire {overdue} eligibilities" };
        }

        var store = new PostgresEligibilityStore(database, context.Clock);
        var expired = await store.ExpireOverdueAsync(options.ExpiryBatchSize, options.ExpiryMaxBatches, cancellationToken).ConfigureAwait(false);
        return new JobOutcome { RowsAffected = expired, Summary = $"expired {expired} eligibilities" };
    }
}
