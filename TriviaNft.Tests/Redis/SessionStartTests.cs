using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class SessionStartTests(ServersFixture servers) : IAsyncLifetime
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

    [Fact]
    public async Task StartingHoldsTheLockCountsTheDayAndStoresTheStateWithTheGuidesTtls()
    {
        var request = TestPlayers.Start();
        var keys = new PlayerKeys(request.PlayerId);

        var started = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(request));

        Assert.Equal((1, 5), (started.DailyUsed, started.DailyLimit));
        Assert.Equal(request.Candidates.Select(c => c.QuestionId), started.Session.Questions.Select(q => q.QuestionId));
        Assert.All(started.Session.Questions, q => Assert.Null(q.ServedAt));
        Assert.Equal(NewYork.NextMidnight(_clock.GetUtcNow()), started.DailyResetsAt);
        await TtlAssert.AboutAsync(_redis, keys.Session, TimeSpan.FromMinutes(15));
        await TtlAssert.AboutAsync(_redis, keys.Lock, TimeSpan.FromMinutes(15));
        await TtlAssert.AboutAsync(_redis, keys.Daily(NewYork.Day(_clock.GetUtcNow())), NewYork.DailyKeyTtl(_clock.GetUtcNow()));
        Assert.Equal(1, (int)await _redis.StringGetAsync(keys.Daily(NewYork.Day(_clock.GetUtcNow()))));
    }

    [Fact]
    public async Task HundredConcurrentStartsForOnePlayerStartExactlyOne()
    {
        var playerId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _store.StartAsync(TestPlayers.Start(playerId))));

        var started = Assert.Single(results.OfType<SessionStartResult.Started>());
        Assert.All(results.Where(r => r != started), r => Assert.Equal(started.Session.SessionId, Assert.IsType<SessionStartResult.AlreadyActive>(r).SessionId));
        Assert.Equal(1, (int)await _redis.StringGetAsync(new PlayerKeys(playerId).Daily(NewYork.Day(_clock.GetUtcNow()))));
    }

    [Fact]
    public async Task TheCooldownBlocksAStartForSixtySeconds()
    {
        var playerId = Guid.NewGuid();
        var first = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));
        var released = await _store.CompleteAsync(first.Session.Handle);
        await TtlAssert.AboutAsync(_redis, new PlayerKeys(playerId).Cooldown, TimeSpan.FromSeconds(60));

        _clock.Advance(TimeSpan.FromMilliseconds(59_999));
        var cooling = Assert.IsType<SessionStartResult.CoolingDown>(await _store.StartAsync(TestPlayers.Start(playerId)));
        Assert.Equal(released.CooldownUntil, cooling.Until);
        Assert.Equal(TimeSpan.FromMilliseconds(1), cooling.Remaining);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));
    }

    [Fact]
    public async Task AnAbandonedSessionBlocksNewStartsForFifteenMinutes()
    {
        var playerId = Guid.NewGuid();
        var first = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));

        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(first.Session.SessionId, Assert.IsType<SessionStartResult.AlreadyActive>(await _store.StartAsync(TestPlayers.Start(playerId))).SessionId);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(playerId)));
        Assert.Equal(2, second.DailyUsed);
    }

    [Fact]
    public async Task QuestionsServedTodayInTheCategoryAreSkipped()
    {
        var first = TestPlayers.Start();
        var session = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(first)).Session;
        for (var i = 0; i < 10; i++)
        {
            await _store.ServeQuestionAsync(session.Handle, i);
            await _store.AnswerAsync(session.Handle, i, 0);
        }

        await _store.CompleteAsync(session.Handle);
        _clock.Advance(TimeSpan.FromSeconds(61));
        var fresh = TestPlayers.Candidates(10);

        var onlySeen = await _store.StartAsync(first with { Candidates = first.Candidates });
        var mixed = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(first with { Candidates = [.. first.Candidates, .. fresh] }));

        Assert.Equal(new SessionStartResult.NotEnoughQuestions(0, 10), onlySeen);
        Assert.Equal(fresh.Select(c => c.QuestionId), mixed.Session.Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public async Task MalformedRequestsAreRefusedBeforeRedisIsAsked()
    {
        var request = TestPlayers.Start();

        await Assert.ThrowsAsync<DataValidationException>(() => _store.StartAsync(request with { Candidates = TestPlayers.Candidates(9) }));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.StartAsync(request with { Candidates = [.. request.Candidates, request.Candidates[0]] }));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.StartAsync(request with { Candidates = [.. request.Candidates.Skip(1), new SessionQuestion(Guid.NewGuid(), 4)] }));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.StartAsync(request with { PlayerId = Guid.Empty }));
        Assert.False(await _redis.KeyExistsAsync(new PlayerKeys(request.PlayerId).Lock));
    }
}
