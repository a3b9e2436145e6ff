using TriviaNft.Data.Jobs;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;
using TriviaNft.Tests.Redis;
using static TriviaNft.Tests.Jobs.JobsWorld;

namespace TriviaNft.Tests.Jobs;

/// <summary>The leaderboard check against the real Redis cluster: drift is counted by wallet, reported and repaired.</summary>
[Collection(ServersCollection.Name)]
public sealed class LeaderboardCheckJobTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private JobRunner _runner = null!;
    private RedisLeaderboardRebuilder _rebuilder = null!;
    private LeaderboardId _board;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        var redis = await RedisConnections.ForAsync(servers);
        // A season of this test's own (Redis is shared by the run; winter-s1's boards are not this test's).
        var season = await LeaderboardSqlData.CreateSeasonAsync(_db);
        await _db.ExecuteAsync("UPDATE seasons SET is_active = false, starts_at = '2000-01-01Z', ends_at = '2000-04-01Z' WHERE id = 'winter-s1'");
        await _db.ExecuteAsync("UPDATE seasons SET is_active = true WHERE id = $1", season);
        _board = LeaderboardId.Global(season);
        _runner = Runner(_db, redis);
        _rebuilder = new RedisLeaderboardRebuilder(redis, _db.Data);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DriftedWalletsAreCountedTheBoardIsRebuiltAndASecondRunFindsNothing()
    {
        var wallets = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var wallet = await WalletAsync(_db);
            await _db.SeasonPointsAsync(_board.SeasonId, wallet.StakeKey, 10 + (i % 3)); // ties on points
            wallets.Add(wallet.StakeKey);
        }

        await _rebuilder.RebuildAsync(_board);
        var redis = (await RedisConnections.ForAsync(servers)).GetDatabase();
        // Three different wallets: the first one's entry goes, the last one's goes stale, a third is made up.
        var first = (await redis.SortedSetRangeByRankAsync(_board.Keys.Board, 0, -1)).Single(m => ((string)m!).EndsWith(wallets[0], StringComparison.Ordinal));
        await redis.SortedSetRemoveAsync(_board.Keys.Board, first);
        await _db.ExecuteAsync("UPDATE season_points SET points = 99 WHERE stake_key = $1", wallets[5]);
        var ghost = LeaderboardEncoding.Encode(new LeaderboardStanding
        {
            StakeKey = TestRows.StakeKey(), Points = 1, NftsMinted = 0, PerfectScores = 0, AvgAnswerMs = 0, SessionsUsed = 1,
            FirstAchievedAt = WinterStart,
        });
        await redis.SortedSetAddAsync(_board.Keys.Board, ghost.Member, ghost.Score);

        var run = await _runner.RunAsync(JobNames.LeaderboardCheck, MidDecemberMidnight);
        var again = await _runner.RunAsync(JobNames.LeaderboardCheck, MidDecemberMidnight);

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal(3L, run.Gauges[JobMetricNames.LeaderboardDriftWallets]);
        Assert.Contains(_board.ToString(), run.Summary);
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
        Assert.Equal((0L, 0L), (again.Gauges[JobMetricNames.LeaderboardDriftWallets], again.RowsAffected));
        Assert.Contains("10 boards of 1 seasons match", again.Summary);
    }

    [Fact]
    public async Task ADryRunCountsTheDriftAndRepairsNothing()
    {
        var wallet = await WalletAsync(_db);
        await _db.SeasonPointsAsync(_board.SeasonId, wallet.StakeKey, 10);
        await _rebuilder.RebuildAsync(_board);
        await _db.ExecuteAsync("UPDATE season_points SET points = 11 WHERE stake_key = $1", wallet.StakeKey);

        var run = await _runner.RunAsync(JobNames.LeaderboardCheck, MidDecemberMidnight, dryRun: true);

        Assert.Equal(1L, run.Gauges[JobMetricNames.LeaderboardDriftWallets]);
        Assert.False((await _rebuilder.CheckAsync(_board)).IsMatch);
    }
}
