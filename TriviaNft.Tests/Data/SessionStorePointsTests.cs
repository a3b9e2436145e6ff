using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Season points from session completion: who gets them, and the exact aggregate values.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionStorePointsTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresSessionStore _store = null!;
    private PostgresPlayerStore _players = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresSessionStore(_db.Data);
        _players = new PostgresPlayerStore(_db.Data);
        _science = (await new PostgresCategoryStore(_db.Data).GetBySlugAsync("science")).Id;
        await GameData.ActiveSeasonAroundNowAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task GuestsGetNoSeasonPoints()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var outcome = await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));

        Assert.Equal(0, outcome.PointsAdded);
        Assert.Null(outcome.SeasonId);
        Assert.Equal(0, await _db.CountAsync("season_points"));
    }

    [Fact]
    public async Task SeasonPointsAverageSessionsAndFirstAchievedAreExact()
    {
        var player = await ConnectedPlayerAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);

        // 7 correct, every answer 2000 ms: total 20000 ms over 10 question times.
        var a = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 7, 2_000, endedAt: t0));
        await AssertPointsAsync(player, points: 7, perfect: 0, sessions: 1, avg: 2_000, firstAchieved: t0);

        // Perfect in 1000 ms each: +10 +10; avg = round((2000*10 + 10000) / 20) = 1500.
        var b = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 10, 1_000, endedAt: t0.AddMinutes(5)));
        await AssertPointsAsync(player, points: 27, perfect: 1, sessions: 2, avg: 1_500, firstAchieved: t0.AddMinutes(5));

        // Forfeit after 3 questions (2 correct) at 3000 ms: the 7 unplayed count 10000 ms each, total 79000;
        // +2 points, no bonus; avg = round((1500*20 + 79000) / 30) = round(3633.3) = 3633.
        var c = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 2, 3_000, forfeit: true, served: 3, endedAt: t0.AddMinutes(10)));
        await AssertPointsAsync(player, points: 29, perfect: 1, sessions: 3, avg: 3_633, firstAchieved: t0.AddMinutes(10));

        // 0 correct at 500 ms: no points, so first_achieved_at stays; avg = round((3633*30 + 5000) / 40) = 2850.
        var d = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 0, 500, endedAt: t0.AddMinutes(15)));
        await AssertPointsAsync(player, points: 29, perfect: 1, sessions: 4, avg: 2_850, firstAchieved: t0.AddMinutes(10));

        Assert.Equal([7, 20, 2, 0], new[] { a, b, c, d }.Select(o => o.PointsAdded));
        Assert.All(new[] { a, b, c, d }, o => Assert.Equal("winter-s1", o.SeasonId));
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheLimitCountsAsTheLimitAndTheAverageRoundsHalfUp()
    {
        var player = await ConnectedPlayerAsync();

        // 10 answers at 15000 ms are capped at 10000 each.
        await _store.CompleteAsync(GameData.Completion(player.Id, _science, 3, 15_000));
        // 10 answers at 1 ms: total 10; avg = round((10000*10 + 10) / 20) = round(5000.5) = 5001.
        await _store.CompleteAsync(GameData.Completion(player.Id, _science, 3, 1));

        Assert.Equal(5_001, await _db.ScalarAsync<int>("SELECT avg_answer_ms FROM season_points"));
    }

    [Fact]
    public async Task ASessionEndingOutsideTheActiveSeasonEarnsNoPoints()
    {
        var player = await ConnectedPlayerAsync();

        var outcome = await _store.CompleteAsync(GameData.Completion(player.Id, _science, 8, endedAt: DateTimeOffset.UtcNow.AddDays(-45)));

        Assert.Equal(0, outcome.PointsAdded);
        Assert.Null(outcome.SeasonId);
        Assert.Equal(0, await _db.CountAsync("season_points"));
        Assert.Equal(1, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task PointsFollowTheConfiguredRules()
    {
        var rules = TriviaNft.Data.GameRules.Default with { PointsPerCorrectAnswer = 2, PerfectSessionBonus = 5, WinThreshold = 8 };
        var store = new PostgresSessionStore(_db.Data, rules);
        var player = await ConnectedPlayerAsync();

        var perfect = await store.CompleteAsync(GameData.Completion(player.Id, _science, 10));
        var seven = await store.CompleteAsync(GameData.Completion(player.Id, _science, 7));

        Assert.Equal(25, perfect.PointsAdded);
        Assert.Equal(14, seven.PointsAdded);
        Assert.Equal(SessionStatus.Lost, seven.Status);
        Assert.Equal(39, await _db.ScalarAsync<int>("SELECT points FROM season_points"));
    }

    private async Task AssertPointsAsync(Player player, int points, int perfect, int sessions, int avg, DateTimeOffset firstAchieved)
    {
        Assert.Equal(points, await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE stake_key = $1 AND season_id = 'winter-s1'", player.StakeKey!));
        Assert.Equal(perfect, await _db.ScalarAsync<int>("SELECT perfect_scores FROM season_points WHERE stake_key = $1", player.StakeKey!));
        Assert.Equal(sessions, await _db.ScalarAsync<int>("SELECT sessions_used FROM season_points WHERE stake_key = $1", player.StakeKey!));
        Assert.Equal(avg, await _db.ScalarAsync<int>("SELECT avg_answer_ms FROM season_points WHERE stake_key = $1", player.StakeKey!));
        var stored = await _db.ScalarAsync<DateTime>("SELECT first_achieved_at FROM season_points WHERE stake_key = $1", player.StakeKey!);
        Assert.Equal(firstAchieved.UtcTicks / 10, new DateTimeOffset(stored, TimeSpan.Zero).UtcTicks / 10);
        Assert.Equal(0, await _db.ScalarAsync<int>("SELECT nfts_minted FROM season_points WHERE stake_key = $1", player.StakeKey!));
    }

    private async Task<Player> ConnectedPlayerAsync()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        return (await _players.ConnectWalletAsync(guest.Id, TestData.StakeKey())).Player;
    }
}
