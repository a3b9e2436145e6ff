using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.SeasonPoints;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>leaderboard-snapshot</c>, daily at midnight America/New_York: records the leaderboard of every season that
/// overlaps the game day that just ended, under that day's date. A run late (a machine that slept) records the
/// standings as they are when it runs, still under the ended day's date; a second run rewrites nothing unchanged.
/// </summary>
internal sealed class LeaderboardSnapshotJob(TriviaNftDatabase database, JobsOptions options) : IScheduledJob
{
    public string Name => JobNames.LeaderboardSnapshot;

    public string Description => "Records each current season's leaderboard for the game day that ended at the last New York midnight.";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(TimeOnly.MinValue);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var zone = options.Zone;
        var day = JobSchedule.LocalDate(context.At, zone).AddDays(-1);
        var from = JobSchedule.At(day, TimeOnly.MinValue, zone);
        var to = JobSchedule.At(day.AddDays(1), TimeOnly.MinValue, zone);
        var seasons = await JobSql.ListAsync(database.Writer,
            "SELECT id FROM seasons WHERE starts_at < @to AND ends_at > @from ORDER BY starts_at, id",
            r => r.GetString(0), cancellationToken, ("from", from), ("to", to)).ConfigureAwait(false);
        var store = new PostgresLeaderboardSnapshotStore(database, timeProvider: context.Clock);
        var lines = new List<string>();
        long rows = 0;
        foreach (var season in seasons)
        {
            if (context.DryRun)
            {
                var count = await JobSql.ScalarAsync<long>(database.Writer,
                    $"SELECT count(*) FROM {LeaderboardSql.Shown} WHERE sp.season_id = @season", cancellationToken, ("season", season)).ConfigureAwait(false);
                rows += count;
                lines.Add($"{season}: would record {count} lines");
                continue;
            }

            var result = await store.TakeAsync(season, day, cancellationToken).ConfigureAwait(false);
            rows += result.Written + result.Removed;
            lines.Add($"{season}: {result.Rows} lines ({result.Written} written, {result.Removed} removed)");
        }

        return new JobOutcome
        {
            RowsAffected = rows,
            Summary = seasons.Count == 0 ? $"no season overlaps {day:yyyy-MM-dd}" : $"{day:yyyy-MM-dd}: " + string.Join("; ", lines),
        };
    }
}
