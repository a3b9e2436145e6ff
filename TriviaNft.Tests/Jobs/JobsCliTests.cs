using System.Text.Json;
using TriviaNft.Data.Jobs;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Jobs.JobsWorld;

namespace TriviaNft.Tests.Jobs;

/// <summary><c>jobs list|run</c> by hand: the migrator's exit codes and one clear line for every mistake.</summary>
[Collection(ServersCollection.Name)]
public sealed class JobsCliTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync() => _db = await servers.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AJobRunsAsOfTheGivenInstantAndReportsItselfAsJson()
    {
        var run = await MigratorHarness.RunCliAsync("jobs", "run", JobNames.SeasonRollover, "--connection", _db.DirectConnectionString,
            "--at", "2027-02-10T12:00:00-05:00", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var report = json.RootElement[0];
        Assert.Equal(("season-rollover", "succeeded", 1), (report.GetProperty("job").GetString(), report.GetProperty("status").GetString(), report.GetProperty("rowsAffected").GetInt32()));
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 17, 0, 0, TimeSpan.Zero), report.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(2, await _db.CountAsync("seasons"));
    }

    [Fact]
    public async Task ADryRunOfTheDueJobsWritesNothing()
    {
        var run = await MigratorHarness.RunCliAsync("jobs", "run", "--due", "--dry-run", "--connection", _db.DirectConnectionString, "--at", "2027-02-10T17:00:00Z");

        Assert.Equal(1, run.ExitCode); // leaderboard-check is due and has no Redis here
        Assert.Contains("season-rollover as of 2027-02-10 17:00:00Z (dry run): succeeded", run.Output);
        Assert.Contains("leaderboard-check needs Redis: set REDIS_URL", run.Error);
        Assert.Equal(1, await _db.CountAsync("seasons"));
        Assert.False(await _db.ScalarAsync<bool>("SELECT to_regclass('job_runs') IS NOT NULL"));
    }

    [Fact]
    public async Task TheListShowsEverySchedule()
    {
        var run = await MigratorHarness.RunCliAsync("jobs", "list", "--connection", _db.DirectConnectionString, "--at", "2026-12-15T12:00:00Z", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var snapshot = json.RootElement.EnumerateArray().Single(e => e.GetProperty("job").GetString() == JobNames.LeaderboardSnapshot);
        Assert.Equal("daily at 00:00 (America/New_York)", snapshot.GetProperty("schedule").GetString());
        Assert.Equal(MidDecemberMidnight, snapshot.GetProperty("nextRun").GetDateTimeOffset());
        Assert.Equal(6, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "jobs", "run", "snapshots" }, "Unknown job 'snapshots'")]
    [InlineData(new[] { "jobs", "run", "guest-purge", "--at", "yesterday" }, "--at 'yesterday' is not an instant")]
    [InlineData(new[] { "jobs", "run", "guest-purge", "--at", "2027-03-01T00:00:00" }, "is not an instant: use ISO 8601 with an offset")]
    [InlineData(new[] { "jobs", "run" }, "Name one job, or pass --due")]
    public async Task AMistakeIsOneClearLineAndExitCodeTwo(string[] args, string message)
    {
        var run = await MigratorHarness.RunCliAsync([.. args, "--connection", _db.DirectConnectionString]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task NoDatabaseIsAConfigurationErrorAndAnUnreachableOneAFailure()
    {
        var none = await MigratorHarness.RunCliAsync("jobs", "list");
        var unreachable = await MigratorHarness.RunCliAsync("jobs", "run", "guest-purge", "--connection", "Host=127.0.0.1;Port=1;Username=x;Password=secret-pw;Timeout=2");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("No database connection", none.Error);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Matches(@"^guest-purge as of .*: failed, 0 rows, \d+ ms: failed: .*(Failed to connect|could not be reached)", unreachable.Error);
        Assert.DoesNotContain("secret-pw", unreachable.Error);
    }
}
