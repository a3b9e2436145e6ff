using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Connecting a wallet to a guest: both branches (new wallet, merge into an existing one).</summary>
[Collection(ServersCollection.Name)]
public sealed class PlayerStoreWalletTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresPlayerStore _players = null!;
    private PostgresSessionStore _sessions = null!;
    private FixedClock _clock = null!;
    private Guid _science;
    private Guid _history;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _players = new PostgresPlayerStore(_db.Data);
        _clock = new FixedClock(DateTimeOffset.UtcNow);
        _sessions = new PostgresSessionStore(_db.Data, timeProvider: _clock);
        var categories = new PostgresCategoryStore(_db.Data);
        _science = (await categories.GetBySlugAsync("science")).Id;
        _history = (await categories.GetBySlugAsync("history")).Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ConnectingANewWalletTurnsTheGuestIntoTheConnectedPlayer()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var played = await _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        var stakeKey = TestData.StakeKey();

        var connection = await _players.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal(WalletConnectionKind.Connected, connection.Kind);
        Assert.Equal(guest.Id, connection.Player.Id);
        Assert.Equal(stakeKey, connection.Player.StakeKey);
        Assert.Equal(guest.AnonId, connection.Player.AnonId);
        Assert.Equal(guest.Id, (await _players.GetOrCreateGuestAsync(guest.AnonId!)).Id);
        Assert.Equal(1, await _db.CountAsync("players"));
        Assert.Equal(stakeKey, await _db.ScalarAsync<string>("SELECT stake_key FROM eligibilities WHERE id = $1", played.EligibilityId!));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE stake_key IS NOT NULL"));
    }

    [Fact]
    public async Task ConnectingTheSameWalletAgainChangesNothingAndAnotherWalletConflicts()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var stakeKey = TestData.StakeKey();
        await _players.ConnectWalletAsync(guest.Id, stakeKey);

        var again = await _players.ConnectWalletAsync(guest.Id, stakeKey);
        var error = await Assert.ThrowsAsync<DataConflictException>(() => _players.ConnectWalletAsync(guest.Id, TestData.StakeKey()));

        Assert.Equal(WalletConnectionKind.AlreadyConnected, again.Kind);
        Assert.Equal("players.already-connected", error.Rule);
        Assert.Equal(stakeKey, (await _players.GetByIdAsync(guest.Id)).StakeKey);
    }

    [Fact]
    public async Task MalformedConnectionsAreTypedErrorsAndChangeNothing()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        await Assert.ThrowsAsync<DataValidationException>(() => _players.ConnectWalletAsync(guest.Id, "stake1tooshort"));
        await Assert.ThrowsAsync<DataValidationException>(() => _players.ConnectWalletAsync(guest.Id, TestData.StakeKey().ToUpperInvariant()));
        await Assert.ThrowsAsync<DataValidationException>(() => _players.ConnectWalletAsync(Guid.Empty, TestData.StakeKey()));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _players.ConnectWalletAsync(Guid.NewGuid(), TestData.StakeKey()));

        Assert.Equal(1, await _db.CountAsync("players"));
        Assert.False((await _players.GetByIdAsync(guest.Id)).IsConnected);
    }

    [Fact]
    public async Task AGuestIsMergedIntoTheWalletsPlayerWithItsHistory()
    {
        // Outside any season, so no session of this test earns points: none may show up after the merge either.
        await GameData.NoSeasonAroundAsync(_db, _clock.Now);
        var (wallet, stakeKey) = await WalletPlayerAsync();
        await _sessions.CompleteAsync(GameData.Completion(wallet.Id, _history, 4));
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        await _players.UpdateProfileAsync(guest.Id, TestData.Username(), "guest@example.com");
        var live = await _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        await _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 3));
        var question = await AQuestionAsync();
        await new PostgresQuestionFlagStore(_db.Data).FlagAsync(question, guest.Id, "Typo.");

        var merge = await _players.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal(WalletConnectionKind.Merged, merge.Kind);
        Assert.Equal(wallet.Id, merge.Player.Id);
        Assert.Equal((2, 1, 0), (merge.SessionsMoved, merge.EligibilitiesMoved, merge.EligibilitiesExpired));
        Assert.Equal(guest.AnonId, merge.Player.AnonId);
        Assert.Equal("guest@example.com", merge.Player.Email);
        Assert.NotNull(merge.Player.Username);
        Assert.Equal(1, await _db.CountAsync("players"));
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE player_id = $1", wallet.Id));
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE player_id = $1 AND stake_key IS NULL", wallet.Id));
        Assert.Equal(wallet.Id, await _db.ScalarAsync<Guid>("SELECT player_id FROM question_flags"));
        Assert.Equal(stakeKey, await _db.ScalarAsync<string>(
            "SELECT stake_key FROM eligibilities WHERE id = $1 AND status = 'active' AND player_id = $2", live.EligibilityId!, wallet.Id));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _players.GetByIdAsync(guest.Id));
        Assert.Equal(wallet.Id, (await _players.GetOrCreateGuestAsync(guest.AnonId!)).Id);
        Assert.Equal(0, await _db.CountAsync("season_points"));
    }

    [Fact]
    public async Task AfterAMergeTheGuestIdNoLongerRecordsSessions()
    {
        var (_, stakeKey) = await WalletPlayerAsync();
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        await _players.ConnectWalletAsync(guest.Id, stakeKey);

        await Assert.ThrowsAsync<DataNotFoundException>(() => _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 5)));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _players.ConnectWalletAsync(guest.Id, stakeKey));

        Assert.Equal(0, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task WhenBothHoldALiveGrantForACategoryTheLaterExpiringOneStays()
    {
        var (wallet, stakeKey) = await WalletPlayerAsync();
        _clock.Now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var walletGrant = await _sessions.CompleteAsync(GameData.Completion(wallet.Id, _science, 10)); // expires in 50 min
        var walletHistory = await _sessions.CompleteAsync(GameData.Completion(wallet.Id, _history, 10));
        _clock.Now = DateTimeOffset.UtcNow.AddMinutes(-40);
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var overdue = await _sessions.CompleteAsync(GameData.Completion(guest.Id, _history, 10)); // expired 15 min ago
        _clock.Now = DateTimeOffset.UtcNow;
        var guestGrant = await _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 10)); // expires in 25 min

        var merge = await _players.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal(2, merge.EligibilitiesExpired);
        Assert.Equal("active", await StatusAsync(walletGrant.EligibilityId));
        Assert.Equal("expired", await StatusAsync(guestGrant.EligibilityId));
        Assert.Equal("expired", await StatusAsync(overdue.EligibilityId));
        Assert.Equal("active", await StatusAsync(walletHistory.EligibilityId));
        Assert.Equal(4L, await _db.ScalarAsync<long>("SELECT count(*) FROM eligibilities WHERE player_id = $1", wallet.Id));
    }

    [Fact]
    public async Task TheGuestsLaterExpiringGrantWinsOverTheWallets()
    {
        var (wallet, stakeKey) = await WalletPlayerAsync();
        _clock.Now = DateTimeOffset.UtcNow.AddMinutes(-55);
        var walletGrant = await _sessions.CompleteAsync(GameData.Completion(wallet.Id, _science, 10)); // 5 min left
        _clock.Now = DateTimeOffset.UtcNow;
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var guestGrant = await _sessions.CompleteAsync(GameData.Completion(guest.Id, _science, 10)); // 25 min left

        await _players.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal("expired", await StatusAsync(walletGrant.EligibilityId));
        Assert.Equal("active", await StatusAsync(guestGrant.EligibilityId));
    }

    [Fact]
    public async Task AQuestionFlaggedByBothKeepsTheWalletsFlag()
    {
        var (wallet, stakeKey) = await WalletPlayerAsync();
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var flags = new PostgresQuestionFlagStore(_db.Data);
        var question = await AQuestionAsync();
        var walletFlag = await flags.FlagAsync(question, wallet.Id, "Wrong answer.");
        await flags.FlagAsync(question, guest.Id, "Wrong.");

        await _players.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal(walletFlag.Id, await _db.ScalarAsync<Guid>("SELECT id FROM question_flags"));
    }

    [Fact]
    public async Task TwoGuestsConnectingOneNewWalletAtOnceEndAsOnePlayer()
    {
        var first = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var second = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var stakeKey = TestData.StakeKey();

        var results = await Task.WhenAll(
            Task.Run(() => _players.ConnectWalletAsync(first.Id, stakeKey)),
            Task.Run(() => _players.ConnectWalletAsync(second.Id, stakeKey)));

        Assert.Equal([WalletConnectionKind.Connected, WalletConnectionKind.Merged], results.Select(r => r.Kind).Order());
        Assert.Equal(1, await _db.CountAsync("players"));
        Assert.Equal(results[0].Player.Id, results[1].Player.Id);
    }

    private async Task<(Player Player, string StakeKey)> WalletPlayerAsync()
    {
        var stakeKey = TestData.StakeKey();
        var first = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        return ((await _players.ConnectWalletAsync(first.Id, stakeKey)).Player, stakeKey);
    }

    private async Task<Guid> AQuestionAsync()
    {
        var questions = new PostgresQuestionStore(_db.Data);
        await questions.ImportAsync([QuestionStoreTests.Sample(_science, 1)]);
        return (await questions.PickRandomAsync(_science, 1, [])).Single().Id;
    }

    private Task<string> StatusAsync(Guid? eligibilityId) =>
        _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", eligibilityId!);
}
