using TriviaNft.Data;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>A player's session history and perfect counts.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionStoreHistoryTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresSessionStore _store = null!;
    private PostgresPlayerStore _players = null!;
    private Guid _science;
    private Guid _history;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresSessionStore(_db.Data);
        _players = new PostgresPlayerStore(_db.Data);
        var categories = new PostgresCategoryStore(_db.Data);
        _science = (await categories.GetBySlugAsync("science")).Id;
        _history = (await categories.GetBySlugAsync("history")).Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task HistoryIsNewestFirstAndPagesWithoutGapsOrRepeats()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var other = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _store.CompleteAsync(GameData.Completion(guest.Id, _science, i, endedAt: t0.AddMinutes(i * 5)))).SessionId);
        }

        await _store.CompleteAsync(GameData.Completion(other.Id, _science, 3));

        var first = await _store.ListForPlayerAsync(guest.Id, limit: 2);
        var second = await _store.ListForPlayerAsync(guest.Id, limit: 2, before: new PageCursor(first[^1].StartedAt, first[^1].Id));
        var third = await _store.ListForPlayerAsync(guest.Id, limit: 2, before: new PageCursor(second[^1].StartedAt, second[^1].Id));

        ids.Reverse();
        Assert.Equal(ids, first.Concat(second).Concat(third).Select(s => s.Id));
        Assert.Single(third);
        Assert.Equal(4, first[0].Score);
        Assert.Equal(SessionStatus.Lost, first[0].Status);
        Assert.Equal(guest.AnonId, first[0].AnonId);
        Assert.Null(first[0].StakeKey);
    }

    [Fact]
    public async Task PerfectCountsAreGroupedByCategoryWithoutForfeits()
    {
        var guest = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        await _store.CompleteAsync(GameData.Completion(guest.Id, _science, 10));
        await _store.CompleteAsync(GameData.Completion(guest.Id, _history, 10));
        await _store.CompleteAsync(GameData.Completion(guest.Id, _history, 9));
        await _store.CompleteAsync(GameData.Completion(guest.Id, _history, 10, forfeit: true));

        var counts = await _store.CountPerfectByCategoryAsync(guest.Id);

        Assert.Equal(2, counts.Single(c => c.CategoryId == _science).PerfectSessions);
        Assert.Equal(1, counts.Single(c => c.CategoryId == _history).PerfectSessions);
        Assert.Equal(2, counts.Count);
    }

    [Fact]
    public async Task MalformedHistoryRequestsAreValidationErrors()
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ListForPlayerAsync(Guid.Empty));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ListForPlayerAsync(Guid.NewGuid(), limit: 0));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ListForPlayerAsync(Guid.NewGuid(), limit: 101));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.CountPerfectByCategoryAsync(Guid.Empty));
        Assert.Empty(await _store.ListForPlayerAsync(Guid.NewGuid()));
    }
}
