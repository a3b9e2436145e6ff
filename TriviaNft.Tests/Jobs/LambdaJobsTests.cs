using System.Text.Json;
using Npgsql;
using TriviaNft.Data.Jobs;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Jobs;

/// <summary>
/// The scheduled jobs inside the trimmed Lambda bundle, invoked with the payload the stack's EventBridge schedules
/// send, against a fake Runtime API and secrets extension and the real test PostgreSQL.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LambdaJobsTests(ServersFixture servers, LambdaBundleFixture bundle) : IClassFixture<LambdaBundleFixture>, IAsyncLifetime
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:staging/trivia-nft/database-AbCdEf";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private FakeLambdaRuntime _runtime = null!;
    private TriviaNft.LocalServers.ServerProcess _bootstrap = null!;
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _runtime = await FakeLambdaRuntime.StartAsync();
        var builder = new NpgsqlConnectionStringBuilder(_db.DirectConnectionString);
        _runtime.AddSecret(SecretArn, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["username"] = builder.Username, ["password"] = builder.Password, ["engine"] = "postgres",
            ["host"] = builder.Host, ["port"] = builder.Port, ["dbname"] = builder.Database,
        }));
        _bootstrap = MigratorHarness.StartProcess(bundle.Bootstrap, new Dictionary<string, string>(_runtime.LambdaEnvironment())
        {
            ["DATABASE_SECRET_ARN"] = SecretArn,
            ["TRIVIANFT_ENVIRONMENT"] = "staging",
            // As in AWS: the zone comes from the bundle, not from the machine.
            ["TZDIR"] = Path.Combine(bundle.Directory, "zoneinfo"),
        });
    }

    public async Task DisposeAsync()
    {
        await _bootstrap.DisposeAsync();
        await _runtime.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AScheduledInvocationRunsTheJobAsOfItsScheduledTimeAndPrintsItsMetrics()
    {
        // The season rollover drives the Dapper-mapped season store: it proves the trimmed bundle keeps what it needs.
        var outcome = await _runtime.InvokeAsync("""{"job":"season-rollover","at":"2027-03-01T00:00:00Z"}""", Timeout);

        Assert.True(outcome.Succeeded, outcome.Body);
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("succeeded", response.RootElement.GetProperty("status").GetString());
        Assert.Equal("spring-s1", await _db.ScalarAsync<string>("SELECT id FROM seasons WHERE is_active"));
        var line = await WaitForMetricsLineAsync(JobNames.SeasonRollover);
        using var emf = JsonDocument.Parse(line);
        Assert.Equal("TriviaNFT/Jobs", emf.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString());
        Assert.Equal(("staging", 1, 0), (emf.RootElement.GetProperty("Environment").GetString(),
            emf.RootElement.GetProperty("JobRuns").GetInt32(), emf.RootElement.GetProperty("JobFailures").GetInt32()));
        Assert.Equal(0, emf.RootElement.GetProperty(JobMetricNames.SeasonGap).GetInt32());
    }

    [Fact]
    public async Task TheSnapshotJobFindsTheNewYorkDayWithTheBundlesZoneFile()
    {
        var outcome = await _runtime.InvokeAsync("""{"job":"leaderboard-snapshot","at":"2026-12-16T05:00:00Z"}""", Timeout);

        Assert.True(outcome.Succeeded, outcome.Body);
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.StartsWith("2026-12-15: winter-s1", response.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedOrUnknownJobFailsTheInvocationSoTheSchedulerRetries()
    {
        var unknown = await _runtime.InvokeAsync("""{"job":"snapshots"}""", Timeout);
        var needsRedis = await _runtime.InvokeAsync("""{"job":"leaderboard-check","at":"2026-12-16T09:30:00Z"}""", Timeout);

        Assert.False(unknown.Succeeded);
        Assert.Contains("Unknown job 'snapshots'", ErrorMessage(unknown));
        Assert.False(needsRedis.Succeeded);
        Assert.Contains("REDIS_SECRET_ARN", ErrorMessage(needsRedis));
        Assert.DoesNotContain(servers.PostgresPassword, _bootstrap.RecentOutput);
    }

    private static string ErrorMessage(LambdaOutcome outcome)
    {
        using var error = JsonDocument.Parse(outcome.Body);
        return error.RootElement.GetProperty("errorMessage").GetString()!;
    }

    private async Task<string> WaitForMetricsLineAsync(string job)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var line = _bootstrap.RecentOutput.Split(Environment.NewLine).LastOrDefault(l => l.Contains("\"_aws\"", StringComparison.Ordinal) && l.Contains(job, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, "No metrics line was printed:" + Environment.NewLine + _bootstrap.RecentOutput);
            await Task.Delay(50);
        }
    }
}
