using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class EligibilityStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresEligibilityStore _store = null!;
    private PostgresPlayerStore _players = null!;
    private FixedClock _clock = null!;
    private PostgresSessionStore _sessions = null!;
    private Guid _science;
    private Guid _history;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresEligibilityStore(_db.Data);
        _players = new PostgresPlayerStore(_db.Data);
        _clock = new FixedClock(DateTimeOffset.UtcNow);
        _sessions = new PostgresSessionStore(_db.Data, timeProvider: _clock);
        var categories = new PostgresCategoryStore(_db.Data);
        _science = (await categories.GetBySlugAsync("science")).Id;
        _history = (await categories.GetBySlugAsync("history")).Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ActiveEligibilitiesLeaveOutOverdueAndUsedOnes()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        _clock.Now = DateTimeOffset.UtcNow.AddHours(-1);
        await GrantAsync(guest.Id, _history);
        _clock.Now = DateTimeOffset.UtcNow;
        var live = await GrantAsync(guest.Id, _science);
        var other = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        await GrantAsync(other.Id, _science);

        var active = await _store.ListActiveAsync(guest.Id);

        var only = Assert.Single(active);
        Assert.Equal(live, only.Id);
        Assert.Equal(EligibilityType.Category, only.Type);
        Assert.Equal(EligibilityStatus.Active, only.Status);
        Assert.Equal(_science, only.CategoryId);
        Assert.NotNull(only.SessionId);
    }

    [Fact]
    public async Task AnEligibilityIsConsumedExactlyOnce()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var id = await GrantAsync(guest.Id, _science);

        var used = await _store.ConsumeAsync(id, guest.Id);
        var error = await Assert.ThrowsAsync<DataConflictException>(() => _store.ConsumeAsync(id, guest.Id));

        Assert.Equal(EligibilityStatus.Used, used.Status);
        Assert.NotNull(used.UsedAt);
        Assert.Equal("eligibility.already-used", error.Rule);
        Assert.Empty(await _store.ListActiveAsync(guest.Id));
    }

    [Fact]
    public async Task ConcurrentConsumersSpendItOnce()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var id = await GrantAsync(guest.Id, _science);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _store.ConsumeAsync(id, guest.Id);
                return true;
            }
            catch (DataConflictException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
    }

    [Fact]
    public async Task AnOverdueOrForeignOrMalformedConsumeFailsAndChangesNothing()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var other = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        _clock.Now = DateTimeOffset.UtcNow.AddHours(-1);
        var overdue = await GrantAsync(guest.Id, _science);

        var expired = await Assert.ThrowsAsync<DataConflictException>(() => _store.ConsumeAsync(overdue, guest.Id));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.ConsumeAsync(overdue, other.Id));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.ConsumeAsync(Guid.NewGuid(), guest.Id));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ConsumeAsync(Guid.Empty, guest.Id));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ConsumeAsync(overdue, Guid.Empty));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ListActiveAsync(Guid.Empty));

        Assert.Equal("eligibility.expired", expired.Rule);
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", overdue));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM eligibilities WHERE used_at IS NOT NULL"));
    }

    [Fact]
    public async Task OverdueEligibilitiesAreExpiredInBatches()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var live = await GrantAsync(guest.Id, _science);
        await _db.ScalarAsync<int>("""
            INSERT INTO eligibilities (type, player_id, anon_id, expires_at)
            SELECT 'master', $1, 'guest', now() - make_interval(mins => g) FROM generate_series(1, 25) g
            RETURNING 1
            """, guest.Id);

        var limited = await _store.ExpireOverdueAsync(batchSize: 10, maxBatches: 1);
        var rest = await _store.ExpireOverdueAsync(batchSize: 10);
        var none = await _store.ExpireOverdueAsync();

        Assert.Equal((10, 15, 0), (limited, rest, none));
        Assert.Equal(25L, await _db.ScalarAsync<long>("SELECT count(*) FROM eligibilities WHERE status = 'expired'"));
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", live));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ExpireOverdueAsync(batchSize: 0));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ExpireOverdueAsync(maxBatches: 0));
    }

    private async Task<Guid> GrantAsync(Guid playerId, Guid categoryId) =>
        (await _sessions.CompleteAsync(GameData.Completion(playerId, categoryId, 10))).EligibilityId!.Value;
}
