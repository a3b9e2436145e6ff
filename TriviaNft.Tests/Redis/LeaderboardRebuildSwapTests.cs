using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Redis.LeaderboardSqlData;

namespace TriviaNft.Tests.Redis;

/// <summary>How a rebuild replaces a live board: whole, atomically for readers, in batches, or not at all.</summary>
[Collection(ServersCollection.Name)]
public sealed class LeaderboardRebuildSwapTests(ServersFixture servers) : IAsyncLifetime
{
    private const int BatchSize = 100;
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
        _rebuilder = new RedisLeaderboardRebuilder(_multiplexer, _db.Data, RedisGameStateOptions.Default with { RebuildBatchSize = BatchSize });
        _board = LeaderboardId.Global(await CreateSeasonAsync(_db));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ReadersSeeTheOldBoardOrTheNewOneWhileARebuildRunsNeverAMix()
    {
        // The old board: wallets SQL does not have. The new one: 900 other wallets, nine batches.
        foreach (var stale in TestStandings.Many(200, seed: 20))
        {
            await _store.UpdateAsync(_board, stale);
        }

        var fresh = TestStandings.Many(900, seed: 21);
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [.. fresh.Select(s => (s, Player.Named))]);
        var oldPage = await _store.GetPageAsync(_board, 1, 1000);
        var newPage = TestStandings.Ordered(fresh).Select((s, i) => new LeaderboardPosition(i + 1, s)).ToList();
        var watched = newPage[450];

        var rebuild = _rebuilder.RebuildAsync(_board);
        var seen = new List<IReadOnlyList<LeaderboardPosition>>();
        var ranks = new List<LeaderboardPosition?>();
        while (!rebuild.IsCompleted)
        {
            seen.Add(await _store.GetPageAsync(_board, 1, 1000));
            ranks.Add(await _store.GetRankAsync(_board, watched.Standing.StakeKey));
        }

        await rebuild.WaitAsync(TimeSpan.FromSeconds(60));
        seen.Add(await _store.GetPageAsync(_board, 1, 1000));
        ranks.Add(await _store.GetRankAsync(_board, watched.Standing.StakeKey));

        Assert.All(seen, page => Assert.True(page.SequenceEqual(oldPage) || page.SequenceEqual(newPage), $"a reader saw {page.Count} wallets"));
        Assert.All(ranks, rank => Assert.True(rank is null || rank == watched));
        Assert.Equal(newPage, seen[^1]);
        Assert.Equal(watched, ranks[^1]);
    }

    [Fact]
    public async Task ARebuildReplacesAStaleBoardAndItsMemberIndexWhole()
    {
        var shown = TestStandings.Many(250, seed: 22);
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [.. shown.Select(s => (s, Player.Named))]);
        // Many(n, seed) draws seeds seed … seed + n − 1: a lone wallet takes a seed far from them.
        var gone = TestStandings.Random(new Random(100_023));
        var moved = shown[0] with { Points = shown[0].Points + 500 };
        await _store.UpdateAsync(_board, gone);
        await _store.UpdateAsync(_board, moved);

        await _rebuilder.RebuildAsync(_board);

        var redis = _multiplexer.GetDatabase();
        Assert.Null(await _store.GetRankAsync(_board, gone.StakeKey));
        Assert.Equal(shown[0], (await _store.GetRankAsync(_board, shown[0].StakeKey))?.Standing);
        Assert.Equal(((long)shown.Count, (long)shown.Count), (await redis.SortedSetLengthAsync(_board.Keys.Board), await redis.HashLengthAsync(_board.Keys.Members)));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }

    [Fact]
    public async Task ARebuildWritesOneZaddAndOneHsetPerBatchOfWallets()
    {
        var shown = TestStandings.Many(1_050, seed: 24);
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [.. shown.Select(s => (s, Player.Named))]);

        var commands = await RedisConnections.ProfileAsync(() => _rebuilder.RebuildAsync(_board));

        var batches = (shown.Count + BatchSize - 1) / BatchSize;
        Assert.Equal(batches, commands.Count(c => c.Command == "ZADD"));
        Assert.Equal(batches, commands.Count(c => c.Command is "HSET" or "HMSET"));
        Assert.Equal(TestStandings.Ordered(shown), await SqlOrderAsync(_db, _board.SeasonId));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }

    [Fact]
    public async Task ARowOutsideTheEncodableRangeFailsTheRebuildAndLeavesTheBoardUntouched()
    {
        var shown = TestStandings.Many(120, seed: 25);
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [.. shown.Select(s => (s, Player.Named))]);
        await _rebuilder.RebuildAsync(_board);
        var before = await _store.GetPageAsync(_board, 1, 1000);
        var tooHigh = TestStandings.Random(new Random(100_026)) with { Points = LeaderboardEncoding.MaxPoints + 1 };
        await InsertSeasonPointsAsync(_db, _board.SeasonId, [(tooHigh, Player.Named)]);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => _rebuilder.RebuildAsync(_board));

        Assert.Equal("leaderboard.points", error.Rule);
        Assert.Equal(before, await _store.GetPageAsync(_board, 1, 1000));
        var server = _multiplexer.GetServer(_board.Keys.Board);
        // Braces are literal in a SCAN pattern; the node that owns the board's slot would hold the temporary keys.
        Assert.Empty(await server.KeysAsync(pattern: _board.Keys.Tag + ":rebuild:*").ToListAsync());
    }
}
