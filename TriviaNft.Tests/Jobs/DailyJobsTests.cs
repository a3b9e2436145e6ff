using TriviaNft.Data.Jobs;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Jobs.JobsWorld;

namespace TriviaNft.Tests.Jobs;

/// <summary>The snapshot, expiry, purge and stale-pending jobs, each at an explicit instant.</summary>
[Collection(ServersCollection.Name)]
public sealed class DailyJobsTests(ServersFixture servers) : IAsyncLifetime
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
    public async Task TheMidnightSnapshotRecordsTheDayThatEndedInNewYorkAndRewritesNothingTheSecondTime()
    {
        var first = await WalletAsync(_db);
        var second = await WalletAsync(_db);
        await _db.SeasonPointsAsync("winter-s1", first.StakeKey, 30);
        await _db.SeasonPointsAsync("winter-s1", second.StakeKey, 50);

        var run = await _runner.RunAsync(JobNames.LeaderboardSnapshot, MidDecemberMidnight);
        var again = await _runner.RunAsync(JobNames.LeaderboardSnapshot, MidDecemberMidnight);

        Assert.Equal((JobRunStatus.Succeeded, 2L), (run.Status, run.RowsAffected));
        Assert.Equal(0, again.RowsAffected);
        Assert.Equal([second.StakeKey, first.StakeKey], await RanksAsync("winter-s1", "2026-12-15"));
    }

    [Theory]
    [InlineData("2027-03-14T05:00:00Z", "2027-03-13")] // midnight EST, the night the clocks spring forward
    [InlineData("2027-03-15T04:00:00Z", "2027-03-14")] // midnight EDT after the 23-hour day
    [InlineData("2027-11-07T04:00:00Z", "2027-11-06")] // midnight EDT, the night the clocks fall back
    [InlineData("2027-11-08T05:00:00Z", "2027-11-07")] // midnight EST after the 25-hour day
    public async Task OnBothDstChangeDaysTheSnapshotTakesTheNewYorkDay(string at, string day)
    {
        var wallet = await WalletAsync(_db);
        await _db.ScalarAsync<int>("INSERT INTO seasons (id, name, starts_at, ends_at) VALUES ('t-2027', 'Test', '2027-03-01Z', '2027-12-01Z') RETURNING 1");
        await _db.SeasonPointsAsync("t-2027", wallet.StakeKey, 12);
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var run = await _runner.RunAsync(JobNames.LeaderboardSnapshot, instant);

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal(instant, JobSchedule.Daily(TimeOnly.MinValue).LatestAtOrBefore(instant, _runner.Zone));
        Assert.Equal([wallet.StakeKey], await RanksAsync("t-2027", day));
    }

    [Fact]
    public async Task TheExpirySweepExpiresWhatIsOverdueAtTheRunsInstantOnly()
    {
        var at = MidDecemberMidnight;
        var player = await _db.PlayerAsync(null, anonId: TriviaNft.Tests.Data.TestData.AnonId());
        var categories = await _db.CategoriesAsync();
        var overdue = await InsertEligibilityAsync(player, categories[0], at.AddMinutes(-1));
        var live = await InsertEligibilityAsync(player, categories[1], at.AddMinutes(1));

        var dryRun = await _runner.RunAsync(JobNames.EligibilityExpiry, at, dryRun: true);
        var run = await _runner.RunAsync(JobNames.EligibilityExpiry, at);
        var again = await _runner.RunAsync(JobNames.EligibilityExpiry, at);

        Assert.Equal((JobRunStatus.Succeeded, 1L), (dryRun.Status, dryRun.RowsAffected));
        Assert.Equal(1, run.RowsAffected);
        Assert.Equal(0, again.RowsAffected);
        Assert.Equal("expired", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", overdue));
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", live));
    }

    [Fact]
    public async Task ThePurgeDeletesGuestsPastTheRetentionWithTheirSessionsAndNobodyElse()
    {
        var at = MidDecemberMidnight;
        var science = await _db.CategoryAsync();
        var old = await GuestAsync(at.AddDays(-31));
        var recent = await GuestAsync(at.AddDays(-29));
        var oldWallet = await _db.PlayerAsync(TestRows.StakeKey());
        await _db.ScalarAsync<int>("UPDATE players SET last_seen_at = $1 WHERE id = $2 RETURNING 1", at.AddDays(-400), oldWallet);
        await _db.SessionAsync(old, science, score: 3);

        var dryRun = await _runner.RunAsync(JobNames.GuestPurge, at, dryRun: true);
        var run = await _runner.RunAsync(JobNames.GuestPurge, at);
        var again = await _runner.RunAsync(JobNames.GuestPurge, at);

        Assert.Equal(1, dryRun.RowsAffected);
        Assert.Equal(2, run.RowsAffected); // the guest and their session
        Assert.Equal(0, again.RowsAffected);
        Assert.Equal(new[] { recent, oldWallet }.Order(), await PlayerIdsAsync());
        Assert.Equal(0, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task StaleMintsAndForgesAreReportedAndLeftAsTheyAre()
    {
        var at = MidDecemberMidnight;
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        var category = await _db.CategoryAsync();
        var eligibility = await _db.EligibilityAsync(player, category);
        var item = (await _db.CatalogAsync(category, "category", 1))[0];
        var mint = await _db.ScalarAsync<Guid>(
            "INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, created_at) SELECT $1, $2, $3, stake_key, $4 FROM players WHERE id = $3 RETURNING id",
            eligibility, item, player, at.AddHours(-2));

        var run = await _runner.RunAsync(JobNames.StalePending, at);
        var earlier = await _runner.RunAsync(JobNames.StalePending, at.AddHours(-1.5));

        Assert.Equal(1L, run.Gauges[JobMetricNames.StalePendingOperations]);
        Assert.Equal(0L, earlier.Gauges[JobMetricNames.StalePendingOperations]);
        Assert.Equal("pending", await _db.ScalarAsync<string>("SELECT status FROM mints WHERE id = $1", mint));
    }

    private Task<Guid> InsertEligibilityAsync(Guid player, Guid category, DateTimeOffset expiresAt) =>
        _db.ScalarAsync<Guid>("""
            INSERT INTO eligibilities (type, category_id, player_id, anon_id, expires_at)
            SELECT 'category', $2, id, anon_id, $3 FROM players WHERE id = $1 RETURNING id
            """, player, category, expiresAt);

    private async Task<Guid> GuestAsync(DateTimeOffset lastSeen)
    {
        var guest = await _db.PlayerAsync(null, anonId: TriviaNft.Tests.Data.TestData.AnonId());
        await _db.ScalarAsync<int>("UPDATE players SET last_seen_at = $1 WHERE id = $2 RETURNING 1", lastSeen, guest);
        return guest;
    }

    private async Task<Guid[]> PlayerIdsAsync() =>
        [.. (await _db.ScalarAsync<Guid[]>("SELECT coalesce(array_agg(id), '{}') FROM players")).Order()];

    private Task<string[]> RanksAsync(string season, string day) =>
        _db.ScalarAsync<string[]>(
            "SELECT coalesce(array_agg(stake_key ORDER BY rank), '{}') FROM leaderboard_snapshots WHERE season_id = $1 AND snapshot_date = $2::date",
            season, day);
}
