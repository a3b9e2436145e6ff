using TriviaNft.Data.Postgres.Privacy;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>guest-purge</c>, daily at 03:30 America/New_York: the retention policy. Deletes guests (no wallet) not seen
/// for <see cref="PrivacyOptions.GuestRetention"/>, with their sessions, in batches of one transaction each
/// (<see cref="IPrivacyStore.PurgeInactiveGuestsAsync"/>); a run that stops at the batch limit is continued by the next.
/// </summary>
internal sealed class GuestPurgeJob(TriviaNftDatabase database, PrivacyOptions privacy) : IScheduledJob
{
    public string Name => JobNames.GuestPurge;

    public string Description => "Deletes guests inactive beyond the retention period, with their sessions.";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(new TimeOnly(3, 30));

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = context.At - privacy.GuestRetention;
        if (context.DryRun)
        {
            var guests = await JobSql.ScalarAsync<long>(database.Writer,
                "SELECT count(*) FROM players WHERE stake_key IS NULL AND last_seen_at < @cutoff", cancellationToken, ("cutoff", cutoff)).ConfigureAwait(false);
            return new JobOutcome { RowsAffected = guests, Summary = $"would purge {guests} guests last seen before {cutoff:O}" };
        }

        var result = await new PostgresPrivacyStore(database, privacy, context.Clock).PurgeInactiveGuestsAsync(cancellationToken).ConfigureAwait(false);
        var more = result.Complete ? string.Empty : "; more remain for the next run";
        return new JobOutcome
        {
            RowsAffected = result.PlayersDeleted + result.SessionsDeleted,
            Summary = $"purged {result.PlayersDeleted} guests and {result.SessionsDeleted} sessions last seen before {result.Cutoff:O} in {result.Batches} batches{more}",
        };
    }
}
