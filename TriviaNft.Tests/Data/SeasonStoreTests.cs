using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Seasons;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class SeasonStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset WinterStart = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private MigratedDatabase _db = null!;
    private PostgresSeasonStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresSeasonStore(_db.Data);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheSeededSeasonIsActive()
    {
        var active = await _store.FindActiveAsync();

        Assert.NotNull(active);
        Assert.Equal("winter-s1", active.Id);
        Assert.Equal(WinterStart, active.StartsAt);
        Assert.Equal(WinterStart.AddMonths(3), active.EndsAt);
        Assert.Equal(7, active.GraceDays);
    }

    [Fact]
    public async Task TheNextSeasonStartsWhenTheActiveOneEndsAndIsCreatedOnce()
    {
        var next = await _store.CreateNextAsync();
        var again = await _store.CreateNextAsync();

        Assert.Equal("spring-s1", next.Id);
        Assert.Equal("Spring Season 1", next.Name);
        Assert.Equal(WinterStart.AddMonths(3), next.StartsAt);
        Assert.Equal(WinterStart.AddMonths(6), next.EndsAt);
        Assert.Equal(7, next.GraceDays);
        Assert.False(next.IsActive);
        Assert.Equal(next, again);
        Assert.Equal(2, await _db.CountAsync("seasons"));
    }

    [Fact]
    public async Task TransitionDeactivatesTheCurrentAndActivatesTheNextInOneStep()
    {
        await _store.CreateNextAsync(graceDays: 3);

        var transition = await _store.TransitionAsync("winter-s1");
        var replay = await Assert.ThrowsAsync<DataConflictException>(() => _store.TransitionAsync("winter-s1"));

        Assert.Equal("winter-s1", transition.Previous.Id);
        Assert.False(transition.Previous.IsActive);
        Assert.Equal("spring-s1", transition.Current.Id);
        Assert.True(transition.Current.IsActive);
        Assert.Equal(3, transition.Current.GraceDays);
        Assert.Equal("spring-s1", (await _store.FindActiveAsync())?.Id);
        Assert.Equal("seasons.not-active", replay.Rule);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM seasons WHERE is_active"));
    }

    [Fact]
    public async Task WithoutANextSeasonTheTransitionFailsAndTheCurrentStaysActive()
    {
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.TransitionAsync("winter-s1"));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.TransitionAsync("summer-s9"));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.TransitionAsync("Winter S1"));

        Assert.Equal("winter-s1", (await _store.FindActiveAsync())?.Id);
    }

    [Fact]
    public async Task SeasonsAreNamedByTheirStartingMonthAndCountedPerName()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var next = await _store.CreateNextAsync();
            ids.Add(next.Id);
            await _store.TransitionAsync((await _store.FindActiveAsync())!.Id);
        }

        Assert.Equal(["spring-s1", "summer-s1", "autumn-s1", "winter-s2"], ids);
        Assert.Equal("Winter Season 2", (await _store.GetByIdAsync("winter-s2")).Name);
        Assert.Equal(WinterStart.AddMonths(12), (await _store.GetByIdAsync("winter-s2")).StartsAt);
    }

    [Fact]
    public async Task MalformedSeasonRequestsAreValidationErrorsAndWriteNothing()
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.CreateNextAsync(graceDays: 31));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.CreateNextAsync(graceDays: -1));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetByIdAsync(""));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetByIdAsync("spring-s7"));

        Assert.Equal(1, await _db.CountAsync("seasons"));
    }

    [Fact]
    public async Task WithNoSeasonAtAllThereIsNothingToFollow()
    {
        await _db.ScalarAsync<int>("WITH d AS (DELETE FROM seasons RETURNING 1) SELECT count(*)::int FROM d");

        Assert.Null(await _store.FindActiveAsync());
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.CreateNextAsync());
    }

    [Fact]
    public async Task GraceDaysRunFromTheEndForTheirNumberOfDays()
    {
        var winter = (await _store.FindActiveAsync())!;

        Assert.False(winter.IsInGraceDays(winter.EndsAt.AddTicks(-1)));
        Assert.True(winter.IsInGraceDays(winter.EndsAt));
        Assert.True(winter.IsInGraceDays(winter.EndsAt.AddDays(7).AddTicks(-1)));
        Assert.False(winter.IsInGraceDays(winter.EndsAt.AddDays(7)));
        Assert.True(winter.Contains(winter.StartsAt));
        Assert.False(winter.Contains(winter.EndsAt));
        Assert.True(winter.IsInSeasonOrGraceDays(winter.EndsAt.AddDays(3)));
        Assert.False(winter.IsInSeasonOrGraceDays(winter.StartsAt.AddTicks(-1)));
    }
}
