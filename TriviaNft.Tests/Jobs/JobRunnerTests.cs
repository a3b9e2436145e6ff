using Npgsql;
using TriviaNft.Data.Jobs;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Jobs.JobsWorld;

namespace TriviaNft.Tests.Jobs;

/// <summary>What the runner guarantees for every job: one runner at a time, a kill loses nothing, a rerun changes nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class JobRunnerTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync() => _db = await servers.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> PostgresJobs => new(TriviaNftJobs.Create(null!).Select(j => j.Name).Where(n => n != JobNames.LeaderboardCheck));

    [Theory]
    [MemberData(nameof(PostgresJobs))]
    public async Task EveryJobRunTwiceAtTheSameInstantChangesNothingTheSecondTime(string job)
    {
        await GuestsAsync(3, MidDecemberMidnight.AddDays(-40));
        var wallet = await WalletAsync(_db);
        await _db.SeasonPointsAsync("winter-s1", wallet.StakeKey, 10);
        await _db.ExecuteAsync("UPDATE eligibilities SET expires_at = $1", MidDecemberMidnight.AddHours(-1));
        var at = WinterEnd.AddDays(-20).AddHours(5); // creates the next season too
        var runner = Runner(_db);

        var first = await runner.RunAsync(job, at);
        var before = await _db.CountAllAsync();
        var second = await runner.RunAsync(job, at);

        Assert.Equal(JobRunStatus.Succeeded, first.Status);
        Assert.Equal((JobRunStatus.Succeeded, 0L), (second.Status, second.RowsAffected));
        Assert.Equal(before, await _db.CountAllAsync());
    }

    [Fact]
    public async Task OfTwoRunnersAtOnceOneWorksAndTheOtherReportsAlreadyRunning()
    {
        await GuestsAsync(5, MidDecemberMidnight.AddDays(-40));
        await using var blocker = await LockPlayersAsync();
        var working = Runner(_db).RunAsync(JobNames.GuestPurge, MidDecemberMidnight);
        await WaitUntilBlockedAsync();

        var other = await Runner(_db).RunAsync(JobNames.GuestPurge, MidDecemberMidnight).WaitAsync(Timeout);
        await blocker.DisposeAsync();
        var worked = await working.WaitAsync(Timeout);

        Assert.Equal((JobRunStatus.AlreadyRunning, 0L), (other.Status, other.RowsAffected));
        Assert.Equal((JobRunStatus.Succeeded, 5L), (worked.Status, worked.RowsAffected));
    }

    [Fact]
    public async Task AJobKilledMidBatchLeavesNothingHalfWrittenAndARerunFinishesIt()
    {
        await GuestsAsync(12, MidDecemberMidnight.AddDays(-40));
        var privacy = PrivacyOptions.Default with { PurgeBatchSize = 5 };
        var stopped = await Runner(_db, privacy: privacy with { MaxPurgeBatches = 1 }).RunAsync(JobNames.GuestPurge, MidDecemberMidnight);
        await using (var blocker = await LockPlayersAsync())
        {
            using var kill = new CancellationTokenSource();
            var killed = Runner(_db, privacy: privacy).RunAsync(JobNames.GuestPurge, MidDecemberMidnight, cancellationToken: kill.Token);
            await WaitUntilBlockedAsync();
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed.WaitAsync(Timeout));
        }

        var afterKill = await _db.CountAsync("players");
        var rerun = await Runner(_db, privacy: privacy).RunAsync(JobNames.GuestPurge, MidDecemberMidnight);

        Assert.Contains("more remain", stopped.Summary);
        Assert.Equal(7, afterKill); // the first run's whole batch, none of the killed batch
        Assert.Equal((JobRunStatus.Succeeded, 7L), (rerun.Status, rerun.RowsAffected));
        Assert.Equal(0, await _db.CountAsync("players"));
    }

    [Fact]
    public async Task EveryJobIsDueOnAFreshDatabaseAndNotAgainUntilItsNextScheduledInstant()
    {
        var runner = Runner(_db);
        var at = MidDecemberMidnight.AddMinutes(1);

        var fresh = await runner.ListAsync(at);
        await runner.RunAsync(JobNames.EligibilityExpiry, at);
        var afterRun = await runner.ListAsync(at);
        var later = await runner.ListAsync(at.AddMinutes(15));

        Assert.All(fresh, s => Assert.True(s.Due, s.Job));
        var expiry = afterRun.Single(s => s.Job == JobNames.EligibilityExpiry);
        // A run by hand counts for the instant it acted as of, which covers the 05:00 run that was due.
        Assert.Equal((false, at, MidDecemberMidnight.AddMinutes(15)), (expiry.Due, expiry.LastRunFor!.Value, expiry.NextRun));
        Assert.True(later.Single(s => s.Job == JobNames.EligibilityExpiry).Due);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM job_runs WHERE job = $1 AND status = 'succeeded'", JobNames.EligibilityExpiry));
    }

    [Fact]
    public async Task AnUnknownJobIsRefusedWithTheListOfJobs()
    {
        var error = await Assert.ThrowsAsync<JobNotFoundException>(() => Runner(_db).RunAsync("snapshots"));

        Assert.Contains("Unknown job 'snapshots'", error.Message);
        Assert.Contains(JobNames.LeaderboardSnapshot, error.Message);
    }

    private async Task GuestsAsync(int count, DateTimeOffset lastSeen)
    {
        for (var i = 0; i < count; i++)
        {
            var guest = await _db.PlayerAsync(null, anonId: TriviaNft.Tests.Data.TestData.AnonId());
            await _db.ScalarAsync<int>("UPDATE players SET last_seen_at = $1 WHERE id = $2 RETURNING 1", lastSeen, guest);
        }
    }

    /// <summary>Holds an exclusive lock on players in an open transaction, so a purge batch blocks until it is disposed.</summary>
    private async Task<NpgsqlConnection> LockPlayersAsync()
    {
        var connection = new NpgsqlConnection(_db.DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE players IN ACCESS EXCLUSIVE MODE;", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task WaitUntilBlockedAsync()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (await _db.ScalarAsync<long>(
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%DELETE FROM players%'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The purge never reached the locked table.");
            await Task.Delay(50);
        }
    }
}
