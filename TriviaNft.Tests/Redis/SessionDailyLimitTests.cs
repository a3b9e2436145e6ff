using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>Daily limits: 5 sessions for guests, 10 connected, counted at start and reset at midnight in New York.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionDailyLimitTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IDatabase _redis = null!;
    private RedisActiveSessionStore _store = null!;

    public async Task InitializeAsync()
    {
        var multiplexer = await RedisConnections.ForAsync(servers);
        _redis = multiplexer.GetDatabase();
        _store = new RedisActiveSessionStore(multiplexer, clock: _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 10)]
    public async Task ADayNeverStartsMoreThanTheLimitEvenWithConcurrentStartsAndCompletions(bool connected, int limit)
    {
        var playerId = Guid.NewGuid();
        var startedCount = 0;
        for (var round = 0; round < limit + 3; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _store.StartAsync(TestPlayers.Start(playerId, connected))));
            var started = results.OfType<SessionStartResult.Started>().ToList();
            startedCount += started.Count;
            Assert.True(started.Count <= 1);
            foreach (var session in started)
            {
                await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _store.CompleteAsync(session.Session.Handle)));
            }

            _clock.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.Equal(limit, startedCount);
        Assert.Equal(limit, (int)await _redis.StringGetAsync(new PlayerKeys(playerId).Daily(NewYork.Day(_clock.GetUtcNow()))));
    }

    [Fact]
    public async Task AStartAtTheLimitTakesNothingAndSaysWhenTheDayResets()
    {
        var playerId = Guid.NewGuid();
        var keys = new PlayerKeys(playerId);
        await PlayAsync(playerId, sessions: 5);

        var refused = Assert.IsType<SessionStartResult.LimitReached>(await _store.StartAsync(TestPlayers.Start(playerId)));

        Assert.Equal((5, 5), (refused.Used, refused.Limit));
        Assert.Equal(NewYork.NextMidnight(_clock.GetUtcNow()), refused.ResetsAt);
        Assert.False(await _redis.KeyExistsAsync(keys.Lock));
        Assert.False(await _redis.KeyExistsAsync(keys.Session));
        Assert.Equal(5, (int)await _redis.StringGetAsync(keys.Daily(NewYork.Day(_clock.GetUtcNow()))));
    }

    [Fact]
    public async Task ConnectingAWalletLiftsAGuestToTheConnectedLimit()
    {
        var playerId = Guid.NewGuid();
        await PlayAsync(playerId, sessions: 5);
        Assert.IsType<SessionStartResult.LimitReached>(await _store.StartAsync(TestPlayers.Start(playerId)));

        var started = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId, connected: true)));

        Assert.Equal((6, 10), (started.DailyUsed, started.DailyLimit));
    }

    [Fact]
    public async Task TheDailyCounterResetsAtMidnightInNewYork()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 23, 50, 0, TimeSpan.FromHours(-5)));
        var playerId = Guid.NewGuid();
        await PlayAsync(playerId, sessions: 5);
        var refused = Assert.IsType<SessionStartResult.LimitReached>(await _store.StartAsync(TestPlayers.Start(playerId)));
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 0, 0, 0, TimeSpan.FromHours(-5)), refused.ResetsAt);

        _clock.SetUtcNow(refused.ResetsAt);
        var started = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));

        Assert.Equal(1, started.DailyUsed);
        await TtlAssert.AboutAsync(_redis, new PlayerKeys(playerId).Daily(new DateOnly(2026, 12, 16)), TimeSpan.FromHours(24));
    }

    private async Task PlayAsync(Guid playerId, int sessions)
    {
        for (var i = 0; i < sessions; i++)
        {
            var started = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));
            await _store.CompleteAsync(started.Session.Handle);
            _clock.Advance(TimeSpan.FromSeconds(61));
        }
    }
}
