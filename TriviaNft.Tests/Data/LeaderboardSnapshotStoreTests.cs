using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class LeaderboardSnapshotStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Season = "winter-s1";
    private static readonly DateOnly Day = new(2026, 12, 24);
    private MigratedDatabase _db = null!;
    private PostgresLeaderboardSnapshotStore _store = null!;
    private PostgresSeasonPointsStore _live = null!;
    private IReadOnlyList<string> _expected = [];

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresLeaderboardSnapshotStore(_db.Data, timeProvider: new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        _live = new PostgresSeasonPointsStore(_db.Data);
        _expected = await TestLeaderboard.SeedAsync(_db, Season);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ASnapshotRecordsTheLiveLeaderboardWithRanksOneToN()
    {
        var result = await _store.TakeAsync(Season, Day);

        var snapshot = await _store.GetPageAsync(Season, Day);
        var live = await _live.GetPageAsync(Season);
        Assert.Equal((8, 8, 0), (result.Rows, result.Written, result.Removed));
        Assert.Equal(_expected, snapshot.Select(e => e.StakeKey));
        Assert.Equal(live.Select(e => (int)e.Rank), snapshot.Select(e => e.Rank));
        Assert.Equal(live.Select(e => (e.Points, e.NftsMinted, e.PerfectScores, e.AvgAnswerMs)),
            snapshot.Select(e => (e.Points, e.NftsMinted, e.PerfectScores, e.AvgAnswerMs)));
        Assert.Equal(_expected.Skip(3).Take(2), (await _store.GetPageAsync(Season, Day, 4, 2)).Select(e => e.StakeKey));
    }

    [Fact]
    public async Task TakingTheSameDayAgainLeavesIdenticalRows()
    {
        await _store.TakeAsync(Season, Day);
        var before = await RowsAsync();

        var again = await _store.TakeAsync(Season, Day);

        Assert.Equal((8, 0, 0), (again.Rows, again.Written, again.Removed));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task RetakingADayRewritesWhatChangedAndRemovesWalletsNoLongerShown()
    {
        await _store.TakeAsync(Season, Day);
        await _db.ExecuteAsync("UPDATE season_points SET points = 70 WHERE stake_key = $1", _expected[^1]);
        await _db.ExecuteAsync("UPDATE players SET username = NULL WHERE stake_key = $1", _expected[0]);

        var result = await _store.TakeAsync(Season, Day);

        var snapshot = await _store.GetPageAsync(Season, Day);
        Assert.Equal(1, result.Removed);
        Assert.Equal(7, result.Rows);
        Assert.Equal([_expected[^1], .. _expected.Skip(1).Take(6)], snapshot.Select(e => e.StakeKey));
        Assert.Equal(Enumerable.Range(1, 7), snapshot.Select(e => e.Rank));
        Assert.Equal(1, result.Written); // only the riser: the six it passed keep their ranks, as the old leader left
    }

    [Fact]
    public async Task EachDayIsItsOwnSnapshotAndTodayComesFromTheClock()
    {
        await _store.TakeAsync(Season, Day);

        var today = await _store.TakeAsync(Season);

        Assert.Equal(new DateOnly(2026, 12, 31), today.SnapshotDate);
        Assert.Equal(8, today.Written);
        Assert.Equal(16L, await _db.CountAsync("leaderboard_snapshots"));
    }

    [Fact]
    public async Task AnUnknownSeasonOrAMalformedRequestWritesNothing()
    {
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.TakeAsync("spring-s9", Day));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.TakeAsync("Spring S9", Day));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync("", Day));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync(Season, Day, 0));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync(Season, Day, 1, PagingOptions.Default.MaxPageSize + 1));
    }

    private Task<string> RowsAsync() => _db.ScalarAsync<string>(
        "SELECT string_agg(l::text, E'\\n' ORDER BY rank) FROM leaderboard_snapshots l WHERE season_id = $1", Season);
}
