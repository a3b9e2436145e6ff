using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Privacy;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class PlayerErasureTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IConnectionMultiplexer _multiplexer = null!;
    private IDatabase _redis = null!;

    public async Task InitializeAsync()
    {
        _multiplexer = await RedisConnections.ForAsync(servers);
        _redis = _multiplexer.GetDatabase();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ErasingAPlayerDeletesEveryKeyAndEveryLeaderboardEntry()
    {
        var sessions = new RedisActiveSessionStore(_multiplexer, clock: _clock);
        var leaderboards = new RedisLeaderboardStore(_multiplexer);
        var request = TestPlayers.Start(connected: true);
        var otherCategory = Guid.NewGuid();
        var keys = new PlayerKeys(request.PlayerId);
        var today = NewYork.Day(_clock.GetUtcNow());
        var first = ((SessionStartResult.Started)await sessions.StartAsync(request)).Session;
        await sessions.ServeQuestionAsync(first.Handle, 0);
        await sessions.CompleteAsync(first.Handle);
        _clock.Advance(TimeSpan.FromSeconds(61));
        await sessions.StartAsync(request with { Candidates = TestPlayers.Candidates() });
        // Yesterday's keys, as a game day that just ended may leave them.
        await _redis.StringSetAsync(keys.Daily(today.AddDays(-1)), 3, TimeSpan.FromHours(1));
        await _redis.SetAddAsync(keys.Seen(otherCategory, today.AddDays(-1)), Guid.NewGuid().ToString());
        var stakeKey = TestPlayers.StakeKey();
        LeaderboardId[] boards = [LeaderboardId.Global(TestPlayers.SeasonId()), LeaderboardId.Category(TestPlayers.SeasonId(), request.CategoryId)];
        var bystander = TestStandings.Random(new Random(1));
        foreach (var board in boards)
        {
            await leaderboards.UpdateAsync(board, TestStandings.Random(new Random(2), stakeKey));
            await leaderboards.UpdateAsync(board, bystander);
        }

        var names = RedisPlayerCacheEraser.KeyNames(request.PlayerId, [request.CategoryId, otherCategory], today);
        Assert.Equal(7, await _redis.KeyExistsAsync([.. names]));
        var eraser = new RedisPlayerCacheEraser(_multiplexer, clock: _clock);

        var erased = await eraser.EraseAsync(request.PlayerId, [request.CategoryId, otherCategory], stakeKey, boards);

        Assert.Equal(new PlayerCacheErasure(7, 2), erased);
        foreach (var name in names)
        {
            Assert.False(await _redis.KeyExistsAsync(name), $"{name} survived the erasure.");
        }

        foreach (var board in boards)
        {
            Assert.Null(await leaderboards.GetRankAsync(board, stakeKey));
            Assert.False(await _redis.HashExistsAsync(board.Keys.Members, stakeKey));
            Assert.Equal(new LeaderboardPosition(1, bystander), await leaderboards.GetRankAsync(board, bystander.StakeKey));
        }

        Assert.Equal(new PlayerCacheErasure(0, 0), await eraser.EraseAsync(request.PlayerId, [request.CategoryId, otherCategory], stakeKey, boards));
    }

    [Fact]
    public async Task AnErasureIsOneDeleteAndOneScriptPerLeaderboardSentTogether()
    {
        var eraser = new RedisPlayerCacheEraser(_multiplexer, clock: _clock);
        LeaderboardId[] boards = [LeaderboardId.Global(TestPlayers.SeasonId()), LeaderboardId.Category(TestPlayers.SeasonId(), Guid.NewGuid())];

        var commands = await RedisConnections.ProfileAsync(() => eraser.EraseAsync(Guid.NewGuid(), [Guid.NewGuid()], TestPlayers.StakeKey(), boards));

        // StackExchange.Redis deletes with UNLINK where the server has it (DEL's non-blocking twin).
        Assert.Equal(["DEL", "EVAL", "EVAL"], commands.Select(c => c.Command switch { "EVALSHA" => "EVAL", "UNLINK" => "DEL", var other => other }).Order());
    }
}
