using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class SessionCompleteTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IConnectionMultiplexer _multiplexer = null!;
    private IDatabase _redis = null!;
    private RedisActiveSessionStore _store = null!;

    public async Task InitializeAsync()
    {
        _multiplexer = await RedisConnections.ForAsync(servers);
        _redis = _multiplexer.GetDatabase();
        _store = new RedisActiveSessionStore(_multiplexer, clock: _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CompletingReleasesTheLockDeletesTheStateAndStartsASixtySecondCooldown()
    {
        var session = await StartAsync(Guid.NewGuid());
        var keys = new PlayerKeys(session.PlayerId);

        var released = await _store.CompleteAsync(session.Handle);

        Assert.Equal(new SessionReleaseResult(SessionReleaseStatus.Released, _clock.GetUtcNow().AddSeconds(60)), released);
        Assert.False(await _redis.KeyExistsAsync(keys.Lock));
        Assert.False(await _redis.KeyExistsAsync(keys.Session));
        await TtlAssert.AboutAsync(_redis, keys.Cooldown, TimeSpan.FromSeconds(60));
        Assert.Equal(released.CooldownUntil, await new RedisCooldownStore(_multiplexer, _clock).GetUntilAsync(session.PlayerId));
        Assert.Null(await new RedisSessionLockStore(_multiplexer, _clock).GetHeldUntilAsync(session.PlayerId));
    }

    [Fact]
    public async Task ARetriedCompletionChangesNothing()
    {
        var session = await StartAsync(Guid.NewGuid());
        var first = await _store.CompleteAsync(session.Handle);
        var cooldown = await _redis.StringGetAsync(new PlayerKeys(session.PlayerId).Cooldown);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var retry = await _store.CompleteAsync(session.Handle);

        Assert.Equal(new SessionReleaseResult(SessionReleaseStatus.AlreadyReleased, first.CooldownUntil), retry);
        Assert.Equal(cooldown, await _redis.StringGetAsync(new PlayerKeys(session.PlayerId).Cooldown));
    }

    [Fact]
    public async Task AStaleTokenNeverReleasesTheNextSession()
    {
        var playerId = Guid.NewGuid();
        var abandoned = await StartAsync(playerId);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var next = await StartAsync(playerId);

        var late = await _store.CompleteAsync(abandoned.Handle);

        Assert.Equal(SessionReleaseStatus.NotHeld, late.Status);
        Assert.Equal(next.SessionId, (await _store.GetAsync(playerId))?.SessionId);
        Assert.NotNull(await new RedisSessionLockStore(_multiplexer, _clock).GetHeldUntilAsync(playerId));
        Assert.False(await _redis.KeyExistsAsync(new PlayerKeys(playerId).Cooldown));
    }

    [Fact]
    public async Task AForfeitMidSessionReleasesLikeACompletion()
    {
        var session = await StartAsync(Guid.NewGuid());
        await _store.ServeQuestionAsync(session.Handle, 0);
        await _store.AnswerAsync(session.Handle, 0, 1);

        Assert.Equal(SessionReleaseStatus.Released, (await _store.CompleteAsync(session.Handle)).Status);
        Assert.Null(await _store.GetAsync(session.PlayerId));
    }

    private async Task<ActiveSession> StartAsync(Guid playerId) =>
        Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId))).Session;
}
