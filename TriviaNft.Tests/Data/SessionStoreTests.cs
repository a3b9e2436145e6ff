using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Session completion: status, eligibility grants, idempotency. Season points: <see cref="SessionStorePointsTests"/>.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresSessionStore _store = null!;
    private PostgresPlayerStore _players = null!;
    private FixedClock _clock = null!;
    private Guid _science;
    private Guid _history;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _clock = new FixedClock(DateTimeOffset.UtcNow);
        _store = new PostgresSessionStore(_db.Data, timeProvider: _clock);
        _players = new PostgresPlayerStore(_db.Data);
        var categories = new PostgresCategoryStore(_db.Data);
        _science = (await categories.GetBySlugAsync("science")).Id;
        _history = (await categories.GetBySlugAsync("history")).Id;
        await GameData.ActiveSeasonAroundNowAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(10, false, SessionStatus.Won)]
    [InlineData(6, false, SessionStatus.Won)]
    [InlineData(5, false, SessionStatus.Lost)]
    [InlineData(0, false, SessionStatus.Lost)]
    [InlineData(7, true, SessionStatus.Forfeit)]
    public async Task TheStatusFollowsTheScore(int correct, bool forfeit, SessionStatus expected)
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcome = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, correct, forfeit: forfeit));

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(correct, outcome.Score);
        Assert.False(outcome.IsReplay);
        Assert.Equal(expected.ToString().ToLowerInvariant(),
            await _db.ScalarAsync<string>("SELECT status FROM sessions WHERE id = $1", outcome.SessionId));
    }

    [Fact]
    public async Task ANonPerfectSessionGrantsNoEligibility()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcome = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 9));

        Assert.False(outcome.EligibilityGranted);
        Assert.False(outcome.EligibilityBlocked);
        Assert.Equal(0, await _db.CountAsync("eligibilities"));
    }

    [Fact]
    public async Task APerfectGuestSessionGrantsACategoryEligibilityFor25Minutes()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcome = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));

        Assert.True(outcome.IsPerfect);
        Assert.True(outcome.EligibilityGranted);
        Assert.Equal(Truncated(_clock.Now.AddMinutes(25)), outcome.EligibilityExpiresAt);
        Assert.Equal(1, await _db.CountAsync("eligibilities"));
        Assert.Equal(guest.AnonId, await _db.ScalarAsync<string>(
            "SELECT anon_id FROM eligibilities WHERE id = $1 AND type = 'category' AND status = 'active' AND session_id = $2",
            outcome.EligibilityId!, outcome.SessionId));
    }

    [Fact]
    public async Task APerfectConnectedSessionGrantsAnEligibilityFor60MinutesToTheWallet()
    {
        var player = await ConnectedPlayerAsync();

        var outcome = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 10));

        Assert.Equal(Truncated(_clock.Now.AddMinutes(60)), outcome.EligibilityExpiresAt);
        Assert.Equal(player.StakeKey, await _db.ScalarAsync<string>("SELECT stake_key FROM eligibilities WHERE id = $1", outcome.EligibilityId!));
        Assert.Equal("winter-s1", await _db.ScalarAsync<string>("SELECT season_id FROM eligibilities WHERE id = $1", outcome.EligibilityId!));
    }

    [Fact]
    public async Task ASecondPerfectWhileOneIsActiveGrantsNothingAndSaysSo()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var first = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        var second = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        var otherCategory = await _store.CompleteAsync(GameData.Completion(guest.Id, _history, 10));

        Assert.True(first.EligibilityGranted);
        Assert.False(second.EligibilityGranted);
        Assert.True(second.EligibilityBlocked);
        Assert.True(otherCategory.EligibilityGranted);
        Assert.Equal(2, await _db.CountAsync("eligibilities"));
    }

    [Fact]
    public async Task AnOverdueActiveEligibilityIsExpiredAndReplaced()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        _clock.Now = DateTimeOffset.UtcNow.AddHours(-2);
        var stale = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        _clock.Now = DateTimeOffset.UtcNow;

        var fresh = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));

        Assert.True(fresh.EligibilityGranted);
        Assert.NotEqual(stale.EligibilityId, fresh.EligibilityId);
        Assert.Equal("expired", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", stale.EligibilityId!));
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", fresh.EligibilityId!));
    }

    [Fact]
    public async Task AForfeitWithAllAnswersCorrectIsNeitherPerfectNorGranted()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcome = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10, forfeit: true));

        Assert.Equal(SessionStatus.Forfeit, outcome.Status);
        Assert.False(outcome.IsPerfect);
        Assert.False(outcome.EligibilityBlocked);
        Assert.Equal(0, await _db.CountAsync("eligibilities"));
    }

    [Fact]
    public async Task ARetriedCompletionWritesNothingAndReturnsTheSameOutcome()
    {
        var player = await ConnectedPlayerAsync();
        var completion = GameData.Completion(player.Id, _science, 10);

        var first = await _store.CompleteAsync(completion);
        var retry = await _store.CompleteAsync(completion);

        Assert.False(first.IsReplay);
        Assert.True(retry.IsReplay);
        Assert.Equal(first with { IsReplay = true }, retry);
        Assert.Equal(1, await _db.CountAsync("sessions"));
        Assert.Equal(1, await _db.CountAsync("eligibilities"));
        Assert.Equal(20, await _db.ScalarAsync<int>("SELECT points FROM season_points"));
    }

    [Fact]
    public async Task TheSameSessionCompletedFiveTimesConcurrentlyCountsOnce()
    {
        var player = await ConnectedPlayerAsync();
        var completion = GameData.Completion(player.Id, _science, 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => _store.CompleteAsync(completion))));

        Assert.Single(outcomes, o => !o.IsReplay);
        Assert.All(outcomes, o => Assert.Equal(outcomes.Single(f => !f.IsReplay) with { IsReplay = o.IsReplay }, o));
        Assert.Equal(1, await _db.CountAsync("sessions"));
        Assert.Equal(1, await _db.CountAsync("eligibilities"));
        Assert.Equal(1, await _db.CountAsync("season_points"));
        Assert.Equal(20, await _db.ScalarAsync<int>("SELECT points FROM season_points"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT sessions_used FROM season_points"));
    }

    [Fact]
    public async Task ConcurrentPerfectSessionsInOneCategoryGrantOneEligibility()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10)))));

        Assert.Single(outcomes, o => o.EligibilityGranted);
        Assert.Equal(3, outcomes.Count(o => o.EligibilityBlocked));
        Assert.Equal(4, await _db.CountAsync("sessions"));
        Assert.Equal(1, await _db.CountAsync("eligibilities"));
    }

    [Fact]
    public async Task PlayingTouchesTheGuestsLastSeen()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        await _db.ScalarAsync<int>("UPDATE players SET last_seen_at = now() - interval '90 days' WHERE id = $1 RETURNING 1", guest.Id);

        await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 3));

        Assert.True((await _players.GetByIdAsync(guest.Id)).LastSeenAt > DateTimeOffset.UtcNow.AddHours(-1));
    }

    private async Task<Player> ConnectedPlayerAsync()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        return (await _players.ConnectWalletAsync(guest.Id, TestData.StakeKey())).Player;
    }

    private static DateTimeOffset Truncated(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
