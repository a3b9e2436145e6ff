using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>The guest retention purge of design.md §12.</summary>
[Collection(ServersCollection.Name)]
public sealed class GuestRetentionTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _science = await _db.CategoryAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task InactiveGuestsArePurgedWithTheirSessionsInBatches()
    {
        var stale = new[] { await GuestAsync("40 days", sessions: 2), await GuestAsync("35 days", sessions: 1), await GuestAsync("31 days") };
        var recent = await GuestAsync("10 days", sessions: 1);
        var wallet = await _db.PlayerAsync(TestRows.StakeKey());
        var connectedGuest = await _db.PlayerAsync(TestRows.StakeKey(), anonId: "guest-" + TestRows.Username());
        await _db.ExecuteAsync("UPDATE players SET last_seen_at = now() - interval '100 days' WHERE id = ANY($1)", (object)new[] { wallet, connectedGuest });
        var store = new PostgresPrivacyStore(_db.Data, new PrivacyOptions { GuestRetention = TimeSpan.FromDays(30), PurgeBatchSize = 2 });

        var result = await store.PurgeInactiveGuestsAsync();

        Assert.Equal((3, 3, 2, true), (result.PlayersDeleted, result.SessionsDeleted, result.Batches, result.Complete));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM players WHERE id = ANY($1)", (object)stale));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE player_id = ANY($1)", (object)stale));
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM players WHERE id = ANY($1)", (object)new[] { recent, wallet, connectedGuest }));
        Assert.Equal(1L, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task ARunStopsAfterItsBatchLimitAndTheNextRunContinues()
    {
        for (var i = 0; i < 5; i++)
        {
            await GuestAsync($"{40 + i} days");
        }

        var options = new PrivacyOptions { GuestRetention = TimeSpan.FromDays(30), PurgeBatchSize = 2, MaxPurgeBatches = 1 };
        var store = new PostgresPrivacyStore(_db.Data, options);

        var first = await store.PurgeInactiveGuestsAsync();
        var rest = await new PostgresPrivacyStore(_db.Data, options with { MaxPurgeBatches = 10 }).PurgeInactiveGuestsAsync();

        Assert.Equal((2, false), (first.PlayersDeleted, first.Complete));
        Assert.Equal((3, true), (rest.PlayersDeleted, rest.Complete));
        Assert.Equal(0L, await _db.CountAsync("players"));
    }

    [Fact]
    public async Task TheCutoffComesFromTheClock()
    {
        await GuestAsync("2 days");
        // One reading of the clock for the store and the expected cutoff, so a run across midnight cannot split them.
        var now = DateTimeOffset.UtcNow;
        var tomorrowPlusRetention = new FixedClock(now.AddDays(29));
        var store = new PostgresPrivacyStore(_db.Data, new PrivacyOptions { GuestRetention = TimeSpan.FromDays(30) }, tomorrowPlusRetention);

        var result = await store.PurgeInactiveGuestsAsync();

        Assert.Equal(1, result.PlayersDeleted);
        Assert.Equal(now.AddDays(-1).Date, result.Cutoff.UtcDateTime.Date);
    }

    [Fact]
    public void NonsensicalRetentionSettingsAreRefusedUpFront()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgresPrivacyStore(_db.Data, new PrivacyOptions { PurgeBatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgresPrivacyStore(_db.Data, new PrivacyOptions { GuestRetention = TimeSpan.Zero }));
    }

    private async Task<Guid> GuestAsync(string lastSeenAgo, int sessions = 0)
    {
        var guest = await _db.PlayerAsync(null, username: string.Empty, anonId: "guest-" + TestRows.Username());
        for (var i = 0; i < sessions; i++)
        {
            await _db.SessionAsync(guest, _science, score: 3);
        }

        await _db.ExecuteAsync("UPDATE players SET last_seen_at = now() - $1::interval WHERE id = $2", lastSeenAgo, guest);
        return guest;
    }
}
