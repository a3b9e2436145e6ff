using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class PlayerLimitsTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IConnectionMultiplexer _multiplexer = null!;
    private RedisActiveSessionStore _sessions = null!;

    public async Task InitializeAsync()
    {
        _multiplexer = await RedisConnections.ForAsync(servers);
        _sessions = new RedisActiveSessionStore(_multiplexer, clock: _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DailyUsageCountsTodaysStartsAgainstThePlayersLimit()
    {
        var request = TestPlayers.Start();
        var daily = new RedisDailyLimitStore(_multiplexer, clock: _clock);
        Assert.Equal(new DailyUsage(0, 10, NewYork.NextMidnight(_clock.GetUtcNow())), await daily.GetAsync(request.PlayerId, isConnected: true));

        await _sessions.StartAsync(request);

        var usage = await daily.GetAsync(request.PlayerId, isConnected: false);
        Assert.Equal((1, 5, 4), (usage.Used, usage.Limit, usage.Remaining));
    }

    [Fact]
    public async Task TheLockIsReportedUntilItLapsesOnTheClock()
    {
        var request = TestPlayers.Start();
        var locks = new RedisSessionLockStore(_multiplexer, _clock);
        await _sessions.StartAsync(request);

        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), await locks.GetHeldUntilAsync(request.PlayerId));
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await locks.GetHeldUntilAsync(request.PlayerId));
    }

    [Fact]
    public async Task TheSeenSetHoldsTheQuestionsServedTodayInTheCategory()
    {
        var request = TestPlayers.Start();
        var session = Assert.IsType<SessionStartResult.Started>(await _sessions.StartAsync(request)).Session;
        await _sessions.ServeQuestionAsync(session.Handle, 0);
        await _sessions.AnswerAsync(session.Handle, 0, 2);
        await _sessions.ServeQuestionAsync(session.Handle, 1);
        var seen = new RedisSeenQuestionStore(_multiplexer, clock: _clock);

        Assert.Equal([.. session.Questions.Take(2).Select(q => q.QuestionId)], (await seen.GetAsync(request.PlayerId, request.CategoryId)).ToHashSet());
        Assert.Empty(await seen.GetAsync(request.PlayerId, Guid.NewGuid()));
        _clock.SetUtcNow(NewYork.NextMidnight(_clock.GetUtcNow()));
        Assert.Empty(await seen.GetAsync(request.PlayerId, request.CategoryId));
    }
}
