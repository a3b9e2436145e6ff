using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class LeaderboardStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly LeaderboardId _board = LeaderboardId.Global(TestPlayers.SeasonId());
    private IConnectionMultiplexer _multiplexer = null!;
    private RedisLeaderboardStore _store = null!;

    public async Task InitializeAsync()
    {
        _multiplexer = await RedisConnections.ForAsync(servers);
        _store = new RedisLeaderboardStore(_multiplexer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PagesRanksAndNeighboursFollowTheSection9OrderThroughHeavyTies()
    {
        var standings = TestStandings.Many(300, seed: 42);
        await Task.WhenAll(standings.Select(s => _store.UpdateAsync(_board, s)));
        var expected = TestStandings.Ordered(standings);

        var page = await _store.GetPageAsync(_board, 1, 300);
        var second = await _store.GetPageAsync(_board, 101, 50);
        var around = await _store.GetAroundAsync(_board, expected[150].StakeKey, 2, 3);

        Assert.Equal(expected, page.Select(p => p.Standing));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), page.Select(p => p.Rank));
        Assert.Equal(expected.Skip(100).Take(50), second.Select(p => p.Standing));
        Assert.Equal(101, second[0].Rank);
        Assert.Equal(expected.Skip(148).Take(6), around.Select(p => p.Standing));
        Assert.Equal(149, around[0].Rank);
        foreach (var i in new[] { 0, 1, 150, 299 })
        {
            Assert.Equal(new LeaderboardPosition(i + 1, expected[i]), await _store.GetRankAsync(_board, expected[i].StakeKey));
        }

        Assert.Equal(300, await _store.CountAsync(_board));
    }

    [Fact]
    public async Task AnUpdateReplacesTheWalletsEntryAndReplayingItChangesNothing()
    {
        var standing = TestStandings.Random(new Random(7));
        await _store.UpdateAsync(_board, standing);
        var better = standing with { Points = standing.Points + 100 };

        await _store.UpdateAsync(_board, better);
        await _store.UpdateAsync(_board, better);

        Assert.Equal(1, await _store.CountAsync(_board));
        Assert.Equal(new LeaderboardPosition(1, better), await _store.GetRankAsync(_board, standing.StakeKey));
        Assert.Equal(1, await _multiplexer.GetDatabase().HashLengthAsync(_board.Keys.Members));
    }

    [Fact]
    public async Task ARemovedWalletIsNoLongerRanked()
    {
        var standing = TestStandings.Random(new Random(8));
        await _store.UpdateAsync(_board, standing);

        Assert.True(await _store.RemoveAsync(_board, standing.StakeKey));
        Assert.False(await _store.RemoveAsync(_board, standing.StakeKey));
        Assert.Null(await _store.GetRankAsync(_board, standing.StakeKey));
        Assert.Empty(await _store.GetAroundAsync(_board, standing.StakeKey));
        Assert.Equal(0, await _store.CountAsync(_board));
    }

    [Fact]
    public async Task LeaderboardKeysNeverExpire()
    {
        var category = LeaderboardId.Category(TestPlayers.SeasonId(), Guid.NewGuid());
        await _store.UpdateAsync(_board, TestStandings.Random(new Random(9)));
        await _store.UpdateAsync(category, TestStandings.Random(new Random(9)));

        foreach (var board in new[] { _board, category })
        {
            await TtlAssert.NoneAsync(_multiplexer.GetDatabase(), board.Keys.Board);
            await TtlAssert.NoneAsync(_multiplexer.GetDatabase(), board.Keys.Members);
        }
    }

    [Fact]
    public async Task AStandingOutsideTheExactRangeIsRejectedBeforeRedisIsAsked()
    {
        var standing = TestStandings.Random(new Random(10)) with { Points = LeaderboardEncoding.MaxPoints + 1 };

        var error = await Assert.ThrowsAsync<DataValidationException>(() => _store.UpdateAsync(_board, standing));

        Assert.Equal("leaderboard.points", error.Rule);
        Assert.Equal(0, await _store.CountAsync(_board));
    }

    [Fact]
    public async Task AnUpdateAndEveryReadAreOneCommandEach()
    {
        var standing = TestStandings.Random(new Random(11));

        Assert.Single(await RedisConnections.ProfileAsync(() => _store.UpdateAsync(_board, standing)));
        Assert.Single(await RedisConnections.ProfileAsync(() => _store.GetPageAsync(_board)));
        Assert.Single(await RedisConnections.ProfileAsync(() => _store.GetRankAsync(_board, standing.StakeKey)));
        Assert.Single(await RedisConnections.ProfileAsync(() => _store.GetAroundAsync(_board, standing.StakeKey)));
    }
}
