using StackExchange.Redis;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Jobs;

/// <summary>The scheduled jobs of the data platform (docs/operations.md).</summary>
public static class TriviaNftJobs
{
    /// <summary>
    /// Every job over <paramref name="database"/>. Without <paramref name="redis"/>, <c>leaderboard-check</c> is
    /// listed but fails with a message saying Redis is needed.
    /// </summary>
    public static IReadOnlyList<IScheduledJob> Create(
        TriviaNftDatabase database,
        IConnectionMultiplexer? redis = null,
        GameRules? rules = null,
        PrivacyOptions? privacy = null,
        JobsOptions? options = null,
        RedisGameStateOptions? gameState = null)
    {
        var checkedOptions = (options ?? JobsOptions.Default).Checked();
        IScheduledJob check = redis is null
            ? new UnavailableJob(JobNames.LeaderboardCheck, "Compares the Redis leaderboards with PostgreSQL and rebuilds a board that drifted.",
                JobSchedule.Daily(new TimeOnly(4, 30)), "leaderboard-check needs Redis: set REDIS_URL (or REDIS_SECRET_ARN and REDIS_ENDPOINT).")
            : new LeaderboardCheckJob(database, new RedisLeaderboardRebuilder(redis, database, gameState));
        return
        [
            new SeasonRolloverJob(database, (rules ?? GameRules.Default).EnsureValid(), checkedOptions),
            new LeaderboardSnapshotJob(database, checkedOptions),
            new EligibilityExpiryJob(database, checkedOptions),
            new GuestPurgeJob(database, (privacy ?? PrivacyOptions.Default).Checked()),
            check,
            new StalePendingJob(database, checkedOptions),
        ];
    }

    /// <summary>A job this process cannot run (a missing connection); listed with its schedule, failing with <paramref name="reason"/>.</summary>
    private sealed class UnavailableJob(string name, string description, JobSchedule schedule, string reason) : IScheduledJob
    {
        public string Name => name;

        public string Description => description;

        public JobSchedule Schedule => schedule;

        public Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(reason);
    }
}
