using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class PlayerStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresPlayerStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresPlayerStore(_db.Data);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AGuestIsCreatedOnceForItsAnonId()
    {
        var anonId = TestData.AnonId();

        var first = await _store.GetOrCreateGuestAsync(anonId);
        var second = await _store.GetOrCreateGuestAsync(anonId);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(anonId, first.AnonId);
        Assert.False(first.IsConnected);
        Assert.True(second.LastSeenAt >= first.LastSeenAt);
        Assert.Equal(1, await _db.CountAsync("players"));
    }

    [Fact]
    public async Task ConcurrentGetOrCreateOfOneGuestMakesOneRow()
    {
        var anonId = TestData.AnonId();

        var players = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _store.GetOrCreateGuestAsync(anonId)));

        Assert.Single(players.Select(p => p.Id).Distinct());
        Assert.Equal(1, await _db.CountAsync("players"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0id")]
    public async Task AMalformedAnonIdIsAValidationErrorAndWritesNothing(string anonId)
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetOrCreateGuestAsync(anonId));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetOrCreateGuestAsync(new string('a', 65)));

        Assert.Equal(0, await _db.CountAsync("players"));
    }

    [Fact]
    public async Task APlayerIsFoundByIdAndByStakeKey()
    {
        var guest = await _store.GetOrCreateGuestAsync(TestData.AnonId());
        var stakeKey = TestData.StakeKey();
        await _store.ConnectWalletAsync(guest.Id, stakeKey);

        Assert.Equal(stakeKey, (await _store.GetByIdAsync(guest.Id)).StakeKey);
        Assert.Equal(guest.Id, (await _store.GetByStakeKeyAsync(stakeKey)).Id);
    }

    [Fact]
    public async Task UnknownPlayersAreNotFoundAndMalformedKeysAreInvalid()
    {
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetByIdAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetByStakeKeyAsync(TestData.StakeKey()));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetByIdAsync(Guid.Empty));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetByStakeKeyAsync("stake1short"));
    }

    [Fact]
    public async Task ProfileUpdateSetsUsernameAndEmailAndATakenUsernameConflicts()
    {
        var alice = await _store.GetOrCreateGuestAsync(TestData.AnonId());
        var bob = await _store.GetOrCreateGuestAsync(TestData.AnonId());
        var name = TestData.Username();

        var updated = await _store.UpdateProfileAsync(alice.Id, name, "alice@example.com");
        var error = await Assert.ThrowsAsync<DataConflictException>(() => _store.UpdateProfileAsync(bob.Id, name, null));

        Assert.Equal(name, updated.Username);
        Assert.Equal("alice@example.com", updated.Email);
        Assert.Equal("uq_players_username", error.Rule);
        Assert.Null((await _store.GetByIdAsync(bob.Id)).Username);
    }

    [Fact]
    public async Task ProfileUpdateRejectsMalformedValuesAndChangesNothing()
    {
        var alice = await _store.GetOrCreateGuestAsync(TestData.AnonId());

        await Assert.ThrowsAsync<DataValidationException>(() => _store.UpdateProfileAsync(alice.Id, "a b", null));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.UpdateProfileAsync(alice.Id, "alice", "not-an-email"));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.UpdateProfileAsync(Guid.Empty, "alice", null));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.UpdateProfileAsync(Guid.NewGuid(), "alice", null));

        var unchanged = await _store.GetByIdAsync(alice.Id);
        Assert.Null(unchanged.Username);
        Assert.Null(unchanged.Email);
    }

    [Fact]
    public async Task TouchMovesLastSeenForward()
    {
        var guest = await _store.GetOrCreateGuestAsync(TestData.AnonId());
        await _db.ScalarAsync<int>("UPDATE players SET last_seen_at = now() - interval '1 day' WHERE id = $1 RETURNING 1", guest.Id);

        await _store.TouchAsync(guest.Id);

        Assert.True((await _store.GetByIdAsync(guest.Id)).LastSeenAt > DateTimeOffset.UtcNow.AddHours(-1));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.TouchAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.TouchAsync(Guid.Empty));
        Assert.Equal(1, await _db.CountAsync("players"));
    }
}
