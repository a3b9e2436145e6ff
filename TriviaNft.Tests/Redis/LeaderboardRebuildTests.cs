using StackExchange.Redis;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Redis.LeaderboardSqlData;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class LeaderboardRebuildTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private IConnectionMultiplexer _multiplexer = null!;
    private RedisLeaderboardStore _store = null!;
    private RedisLeaderboardRebuilder _rebuilder = null!;
    private LeaderboardId _board;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _multiplexer = await RedisConnections.ForAsync(servers);
        _store = new RedisLeaderboardStore(_multiplexer);
        // Small batches, so a test of a thousand rows crosses many pages.
        _rebuilder = new RedisLeaderboardRebuilder(_multiplexer, _db.Data, RedisGameStateOptions.Default with { RebuildBatchSize = 100 });
        _board = LeaderboardId.Global(await CreateSeasonAsync(_db));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ARebuiltBoardHasExactlyTheSqlOrderOnRandomDataWithHeavyTies()
    {
        var shown = await InsertRandomAsync(1_200, seed: 3);
        // Seven wallets changed just now: the rebuild re-applies them after the swap (its catch-up).
        await _db.ScalarAsync<int>("UPDATE season_points SET updated_at = now() - interval '1 hour' WHERE NOT stake_key = ANY($1) RETURNING 1",
            (object)shown.Take(7).Select(s => s.StakeKey).ToArray());

        var result = await _rebuilder.RebuildAsync(_board);

        var sql = await SqlOrderAsync(_db, _board.SeasonId);
        Assert.Equal(TestStandings.Ordered(shown), sql);
        Assert.Equal((sql.Count, 7L), (result.Count, result.CaughtUp));
        Assert.Equal(sql, (await _store.GetPageAsync(_board, 1, 1000)).Concat(await _store.GetPageAsync(_board, 1001, 1000)).Select(p => p.Standing));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
        await TtlAssert.NoneAsync(_multiplexer.GetDatabase(), _board.Keys.Board);
        await TtlAssert.NoneAsync(_multiplexer.GetDatabase(), _board.Keys.Members);
    }

    [Fact]
    public async Task AfterFlushAllOnEveryPrimaryARebuildRestoresIdenticalPages()
    {
        await InsertRandomAsync(500, seed: 4);
        await _rebuilder.RebuildAsync(_board);
        var before = await _store.GetPageAsync(_board, 1, 1000);

        Assert.Equal(3, await RedisConnections.FlushAllPrimariesAsync(_multiplexer));
        Assert.Equal(0, await _store.CountAsync(_board));
        await _rebuilder.RebuildAsync(_board);
        Assert.Equal(before, await _store.GetPageAsync(_board, 1, 1000));
    }

    [Fact]
    public async Task TheCheckReportsTheFirstDifferenceAndARefreshRepairsIt()
    {
        var shown = await InsertRandomAsync(300, seed: 5);
        await _rebuilder.RebuildAsync(_board);
        var climber = TestStandings.Ordered(shown)[200];
        await _db.ScalarAsync<int>("UPDATE season_points SET points = points + 1000, updated_at = now() WHERE stake_key = $1 RETURNING 1", climber.StakeKey);

        var check = await _rebuilder.CheckAsync(_board);

        Assert.False(check.IsMatch);
        Assert.Equal((1L, 0L), (check.MismatchRank!.Value, check.Compared));
        Assert.Equal(climber with { Points = climber.Points + 1000 }, check.Expected);
        Assert.Contains("first difference at rank 1", check.ToString(), StringComparison.Ordinal);

        await _rebuilder.RefreshAsync(_board, climber.StakeKey);
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }

    [Fact]
    public async Task ARefreshAddsAndRemovesOneWalletAsSqlShowsIt()
    {
        var standing = TestStandings.Random(new Random(6));
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [(standing, Player.Named)]);

        Assert.Equal(standing, await _rebuilder.RefreshAsync(_board, standing.StakeKey));
        Assert.Equal(new LeaderboardPosition(1, standing), await _store.GetRankAsync(_board, standing.StakeKey));

        await _db.ScalarAsync<int>("UPDATE players SET username = NULL WHERE stake_key = $1 RETURNING 1", standing.StakeKey);
        Assert.Null(await _rebuilder.RefreshAsync(_board, standing.StakeKey));
        Assert.Equal(0, await _store.CountAsync(_board));
    }

    [Fact]
    public async Task RebuildingAnEmptySeasonClearsAStaleBoard()
    {
        await _store.UpdateAsync(_board, TestStandings.Random(new Random(7)));

        var result = await _rebuilder.RebuildAsync(_board);

        Assert.Equal(0, result.Count);
        Assert.False(await _multiplexer.GetDatabase().KeyExistsAsync(_board.Keys.Board));
        Assert.False(await _multiplexer.GetDatabase().KeyExistsAsync(_board.Keys.Members));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }

    /// <summary>Random heavy-tie rows: 85 % shown, 10 % players without a username, 5 % wallets with no player. Returns the shown ones.</summary>
    private async Task<List<LeaderboardStanding>> InsertRandomAsync(int count, int seed)
    {
        var random = new Random(seed);
        var rows = TestStandings.Many(count, seed)
            .Select(s => (s, random.Next(100) switch { < 85 => Player.Named, < 95 => Player.Nameless, _ => Player.Missing }))
            .ToList();
        await InsertSeasonPointsAsync(_db, _board.SeasonId, rows);
        return [.. rows.Where(r => r.Item2 == Player.Named).Select(r => r.s)];
    }
}
