using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Seasons;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>season-rollover</c>, hourly. Creates the next season <see cref="JobsOptions.SeasonLeadTime"/> before the active
/// one ends, so it exists before the boundary. Once the active season has ended it takes that season's final
/// leaderboard snapshot (its last game day), makes sure the successor exists and switches to it — repeated until
/// the active season holds the run's instant (a machine that slept through a boundary catches up). Reports
/// <see cref="JobMetricNames.SeasonGap"/> when no season takes points at that instant.
/// </summary>
internal sealed class SeasonRolloverJob(TriviaNftDatabase database, GameRules rules, JobsOptions options) : IScheduledJob
{
    // More boundaries than this in one run means the seasons table is not what this job expects: stop and say so.
    private const int MaxTransitions = 8;

    // The rule the session store uses for "the season a session's points go to", evaluated at an instant.
    private const string TakesPoints = """
        (s.is_active OR s.starts_at = (SELECT a.ends_at FROM seasons a WHERE a.is_active))
        AND s.starts_at <= @at AND @at < s.ends_at
        """;

    public string Name => JobNames.SeasonRollover;

    public string Description => "Creates the next season ahead of time; at the boundary snapshots the ending season and switches to the next.";

    public JobSchedule Schedule { get; } = JobSchedule.Every(60);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var seasons = new PostgresSeasonStore(database, rules);
        var snapshots = new PostgresLeaderboardSnapshotStore(database, timeProvider: context.Clock);
        var steps = new List<string>();
        long rows = 0;
        for (var transitions = 0; ; transitions++)
        {
            var active = await ActiveAsync(cancellationToken).ConfigureAwait(false);
            if (active is null)
            {
                steps.Add("no active season: create and activate one by hand (docs/operations.md)");
                break;
            }

            if (active.EndsAt > context.At)
            {
                rows += await CreateAheadAsync(seasons, active, context, steps, cancellationToken).ConfigureAwait(false);
                break;
            }

            if (transitions == MaxTransitions)
            {
                throw new InvalidOperationException($"Season rollover stopped after {MaxTransitions} transitions; '{active.Id}' still ended before {context.At:O}.");
            }

            var lastDay = JobSchedule.LocalDate(active.EndsAt.AddTicks(-1), options.Zone);
            if (context.DryRun)
            {
                steps.Add($"would snapshot {active.Id} for {lastDay:yyyy-MM-dd} and switch to the season after it");
                rows += 2;
                break;
            }

            // Each step commits on its own and is idempotent, so a run killed between them is finished by the next.
            var snapshot = await snapshots.TakeAsync(active.Id, lastDay, cancellationToken).ConfigureAwait(false);
            await seasons.CreateNextAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var transition = await seasons.TransitionAsync(active.Id, cancellationToken).ConfigureAwait(false);
            rows += snapshot.Written + snapshot.Removed + 2;
            steps.Add($"final snapshot of {active.Id} ({snapshot.Rows} lines for {lastDay:yyyy-MM-dd}); {transition.Previous.Id} → {transition.Current.Id}");
        }

        var gap = !await JobSql.ScalarAsync<bool>(database.Writer, $"SELECT EXISTS (SELECT 1 FROM seasons s WHERE {TakesPoints})",
            cancellationToken, ("at", context.At)).ConfigureAwait(false);
        var unseasoned = gap ? await UnseasonedSessionsAsync(context.At, cancellationToken).ConfigureAwait(false) : 0;
        if (gap)
        {
            steps.Add($"no season takes points at {context.At:O}: {unseasoned} wallet sessions recorded without points");
        }

        return new JobOutcome
        {
            RowsAffected = rows,
            Summary = steps.Count == 0 ? "nothing to do" : string.Join("; ", steps),
            Gauges = new Dictionary<string, long>
            {
                [JobMetricNames.SeasonGap] = gap ? 1 : 0,
                [JobMetricNames.UnseasonedSessions] = unseasoned,
            },
        };
    }

    private async Task<long> CreateAheadAsync(PostgresSeasonStore seasons, Season active, JobContext context, List<string> steps, CancellationToken cancellationToken)
    {
        if (context.At < active.EndsAt - options.SeasonLeadTime
            || await JobSql.ScalarAsync<bool>(database.Writer, "SELECT EXISTS (SELECT 1 FROM seasons WHERE starts_at = @endsAt)",
                cancellationToken, ("endsAt", active.EndsAt)).ConfigureAwait(false))
        {
            return 0;
        }

        if (context.DryRun)
        {
            steps.Add($"would create the season starting {active.EndsAt:O}");
            return 1;
        }

        var next = await seasons.CreateNextAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        steps.Add($"created {next.Id} ({next.StartsAt:yyyy-MM-dd} to {next.EndsAt:yyyy-MM-dd})");
        return 1;
    }

    private async Task<Season?> ActiveAsync(CancellationToken cancellationToken)
    {
        var rows = await JobSql.ListAsync(database.Writer, "SELECT id, name, starts_at, ends_at, grace_days FROM seasons WHERE is_active",
            r => new Season
            {
                Id = r.GetString(0), Name = r.GetString(1), StartsAt = r.GetFieldValue<DateTimeOffset>(2),
                EndsAt = r.GetFieldValue<DateTimeOffset>(3), GraceDays = r.GetInt32(4), IsActive = true,
            }, cancellationToken).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// Wallet sessions ended since the last season ended (at most a day back) that no season covers. Only asked
    /// during a gap, which is an incident: the scan is bounded by the window, not by an index.
    /// </summary>
    private Task<long> UnseasonedSessionsAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM sessions x
            WHERE x.stake_key IS NOT NULL
              AND x.ended_at <= @at
              AND x.ended_at >= greatest(@at - interval '1 day', (SELECT max(ends_at) FROM seasons WHERE ends_at <= @at))
              AND NOT EXISTS (SELECT 1 FROM seasons s WHERE s.starts_at <= x.ended_at AND x.ended_at < s.ends_at)
            """;
        return JobSql.ScalarAsync<long>(database.Writer, sql, cancellationToken, ("at", at));
    }
}
