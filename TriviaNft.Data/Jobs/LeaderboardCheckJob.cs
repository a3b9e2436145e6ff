using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// <c>leaderboard-check</c>, daily at 04:30 America/New_York: compares every board (global and per category) of the
/// seasons still shown — active, taking points, or in their grace days — with PostgreSQL, counts the wallets that
/// differ (<see cref="JobMetricNames.LeaderboardDriftWallets"/>) and rebuilds each board that drifted. A matching
/// board costs one ordered read of each side; only a drifted one is read whole.
/// </summary>
internal sealed class LeaderboardCheckJob(TriviaNftDatabase database, RedisLeaderboardRebuilder rebuilder) : IScheduledJob
{
    public string Name => JobNames.LeaderboardCheck;

    public string Description => "Compares the Redis leaderboards with PostgreSQL and rebuilds a board that drifted.";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(new TimeOnly(4, 30));

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        const string seasonsSql = """
            SELECT id FROM seasons
            WHERE is_active OR (starts_at <= @at AND @at < ends_at + make_interval(days => grace_days))
            ORDER BY starts_at, id
            """;
        var seasons = await JobSql.ListAsync(database.Writer, seasonsSql, r => r.GetString(0), cancellationToken, ("at", context.At)).ConfigureAwait(false);
        var categories = await JobSql.ListAsync(database.Writer, "SELECT id FROM categories ORDER BY id", r => r.GetGuid(0), cancellationToken).ConfigureAwait(false);
        long drift = 0, rebuiltEntries = 0;
        var boards = 0;
        var drifted = new List<string>();
        foreach (var board in seasons.SelectMany(s => categories.Select(c => LeaderboardId.Category(s, c)).Prepend(LeaderboardId.Global(s))))
        {
            boards++;
            var check = await rebuilder.CheckAsync(board, cancellationToken).ConfigureAwait(false);
            if (check.IsMatch)
            {
                continue;
            }

            var wallets = await rebuilder.CountDriftAsync(board, cancellationToken).ConfigureAwait(false);
            drift += wallets;
            drifted.Add($"{board} ({wallets} wallets)");
            if (!context.DryRun)
            {
                rebuiltEntries += (await rebuilder.RebuildAsync(board, cancellationToken).ConfigureAwait(false)).Count;
            }
        }

        var verb = context.DryRun ? "would rebuild" : "rebuilt";
        return new JobOutcome
        {
            RowsAffected = context.DryRun ? drift : rebuiltEntries,
            Summary = drifted.Count == 0
                ? $"{boards} boards of {seasons.Count} seasons match PostgreSQL"
                : $"{drifted.Count} of {boards} boards drifted, {verb}: {string.Join(", ", drifted)}",
            Gauges = new Dictionary<string, long> { [JobMetricNames.LeaderboardDriftWallets] = drift },
        };
    }
}
