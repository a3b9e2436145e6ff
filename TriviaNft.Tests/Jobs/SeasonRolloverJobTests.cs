using TriviaNft.Data.Jobs;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Data;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Jobs.JobsWorld;

namespace TriviaNft.Tests.Jobs;

/// <summary>The season lifecycle around winter-s1's last day, walked with explicit instants.</summary>
[Collection(ServersCollection.Name)]
public sealed class SeasonRolloverJobTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private JobRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _runner = Runner(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheNextSeasonIsCreatedThirtyDaysAheadOnceAndNotBefore()
    {
        var early = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddDays(-31));
        var due = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddDays(-29));
        var again = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddDays(-29));

        Assert.Equal((JobRunStatus.Succeeded, 0L), (early.Status, early.RowsAffected));
        Assert.Equal((JobRunStatus.Succeeded, 1L), (due.Status, due.RowsAffected));
        Assert.Equal(0, again.RowsAffected);
        Assert.Equal(2, await _db.CountAsync("seasons"));
        Assert.False(await _db.ScalarAsync<bool>("SELECT is_active FROM seasons WHERE id = 'spring-s1' AND starts_at = $1", WinterEnd));
    }

    [Fact]
    public async Task SessionsOnEachSideOfTheBoundaryLandInTheirSeasonBeforeAndAfterTheSwitch()
    {
        var wallet = await WalletAsync(_db);
        var science = await _db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = 'science'");
        var store = new PostgresSessionStore(_db.Data);
        await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddDays(-10));

        var lastMinute = await store.CompleteAsync(GameData.Completion(wallet.Id, science, 6, endedAt: WinterEnd.AddMinutes(-1)));
        // The boundary has passed, the hourly rollover has not run yet: the session still lands in the new season.
        var beforeTheSwitch = await store.CompleteAsync(GameData.Completion(wallet.Id, science, 7, endedAt: WinterEnd.AddMinutes(10)));
        var rollover = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddMinutes(15));
        var afterTheSwitch = await store.CompleteAsync(GameData.Completion(wallet.Id, science, 8, endedAt: WinterEnd.AddHours(1)));

        Assert.Equal(JobRunStatus.Succeeded, rollover.Status);
        Assert.Contains("winter-s1 → spring-s1", rollover.Summary);
        Assert.Equal(("winter-s1", "spring-s1", "spring-s1"), (lastMinute.SeasonId, beforeTheSwitch.SeasonId, afterTheSwitch.SeasonId));
        Assert.Equal(6, await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE season_id = 'winter-s1' AND stake_key = $1", wallet.StakeKey));
        Assert.Equal(15, await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE season_id = 'spring-s1' AND stake_key = $1", wallet.StakeKey));
        Assert.Equal("spring-s1", await _db.ScalarAsync<string>("SELECT id FROM seasons WHERE is_active"));
        // The final snapshot of winter-s1, under its last New York day.
        Assert.Equal(6, await _db.ScalarAsync<int>(
            "SELECT points FROM leaderboard_snapshots WHERE season_id = 'winter-s1' AND snapshot_date = '2027-02-28' AND stake_key = $1", wallet.StakeKey));
        Assert.Equal(0L, rollover.Gauges[JobMetricNames.SeasonGap]);
    }

    [Fact]
    public async Task AMachineThatSleptThroughTwoBoundariesCatchesUpInOneRun()
    {
        var run = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddMonths(3).AddDays(2));
        var again = await _runner.RunAsync(JobNames.SeasonRollover, WinterEnd.AddMonths(3).AddDays(2));

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal("summer-s1", await _db.ScalarAsync<string>("SELECT id FROM seasons WHERE is_active"));
        Assert.Equal(0, again.RowsAffected);
    }

    [Fact]
    public async Task BeforeTheFirstSeasonStartsSessionsAreRecordedWithoutPointsAndTheGapIsReported()
    {
        var wallet = await WalletAsync(_db);
        var science = await _db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = 'science'");
        var at = WinterStart.AddDays(-60);

        var outcome = await new PostgresSessionStore(_db.Data).CompleteAsync(GameData.Completion(wallet.Id, science, 9, endedAt: at.AddMinutes(-5)));
        var run = await _runner.RunAsync(JobNames.SeasonRollover, at);

        Assert.Null(outcome.SeasonId);
        Assert.Equal(0, outcome.PointsAdded);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE id = $1", outcome.SessionId));
        Assert.Equal(0, await _db.CountAsync("season_points"));
        Assert.Equal(1L, run.Gauges[JobMetricNames.SeasonGap]);
        Assert.Equal(1L, run.Gauges[JobMetricNames.UnseasonedSessions]);
    }
}
