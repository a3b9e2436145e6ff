using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.Data.Jobs;
using Xunit.Abstractions;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The <c>jobs</c> resource of the started AppHost: it runs once the migrator has finished, catches up every job at
/// its start (each has a succeeded <c>job_runs</c> row on the writer), and its "Run &lt;job&gt; now" command runs a job
/// in that process and answers with the job's summary.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class JobsTests(AppHostFixture stack, ITestOutputHelper output)
{
    // The scheduler starts a .NET process after the migrator, then runs the six jobs one after the other, on a
    // 2-core machine shared with other test runs.
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheJobsResourceRunsOnceTheMigratorHasFinished()
    {
        var jobs = await stack.App.ResourceNotifications
            .WaitForResourceAsync(JobsBuilderExtensions.ResourceName, e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .WaitAsync(CatchUpTimeout);
        Assert.True(stack.App.ResourceNotifications.TryGetCurrentState(ResourceNames.Migrator, out var migrator));

        Assert.Equal(KnownResourceStates.Finished, migrator.Snapshot.State?.Text);
        Assert.Equal(0, migrator.Snapshot.ExitCode);
        // The orchestrator stamps the migrator's stop when it observes the exit, which can come after it released the
        // wait: the state (Finished, exit 0, seen when jobs is Running) is the reliable order, not the two stamps.
        Assert.NotNull(jobs.Snapshot.StartTimeStamp);
    }

    [Fact]
    public async Task AtItsStartTheSchedulerRunsEveryJobThatIsDue()
    {
        await using var admin = await stack.DataSourceAsync(ResourceNames.TriviaDbAdmin);

        var runs = await Poll.UntilAsync(() => RunsAsync(admin), r => JobsModelTests.AllJobs.All(r.Succeeded), CatchUpTimeout);

        output.WriteLine(runs.ToString());
        Assert.All(JobsModelTests.AllJobs, job => Assert.True(runs.Succeeded(job), $"{job} has no succeeded run: {runs}"));
    }

    [Fact]
    public async Task RunNowRunsTheJobInTheSchedulerAndAnswersWithItsSummary()
    {
        await using var admin = await stack.DataSourceAsync(ResourceNames.TriviaDbAdmin);
        // The start's catch-up runs it first; a second runner of the same job at the same time would do nothing.
        var before = await Poll.UntilAsync(() => RunsAsync(admin), r => r.Succeeded(JobNames.EligibilityExpiry), CatchUpTimeout);
        await stack.App.ResourceNotifications
            .WaitForResourceAsync(JobsBuilderExtensions.ResourceName, e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .WaitAsync(CatchUpTimeout);

        var commands = stack.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(JobsBuilderExtensions.ResourceName, JobCommands.CommandName(JobNames.EligibilityExpiry))
            .WaitAsync(CommandTimeout);
        output.WriteLine(result.Message);

        Assert.True(result.Success, result.Message);
        Assert.StartsWith($"{JobNames.EligibilityExpiry}: expired ", result.Message, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"succeeded\"", result.Data?.Value, StringComparison.Ordinal);
        var after = await RunsAsync(admin);
        var added = Assert.Single(after.Rows, r => r.Id > before.MaxId && r.Job == JobNames.EligibilityExpiry && result.Message!.Contains(r.Summary, StringComparison.Ordinal));
        Assert.Equal("succeeded", added.Status);
    }

    [Fact]
    public async Task TheDashboardLinksTheJobListOnTheSchedulersLoopbackEndpoint()
    {
        var jobs = await stack.App.ResourceNotifications
            .WaitForResourceAsync(JobsBuilderExtensions.ResourceName, e => e.Snapshot.State?.Text == KnownResourceStates.Running
                && e.Snapshot.Urls.Any(u => u.Name == JobsBuilderExtensions.TriggerEndpoint))
            .WaitAsync(CatchUpTimeout);
        var url = jobs.Snapshot.Urls.Single(u => u.Name == JobsBuilderExtensions.TriggerEndpoint).Url;
        var port = stack.App.GetEndpoint(JobsBuilderExtensions.ResourceName, JobsBuilderExtensions.TriggerEndpoint).Port;

        using var http = new HttpClient { Timeout = TestStack.WaitTimeout };
        using var list = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(url)));

        Assert.Equal($"http://127.0.0.1:{port}/jobs", url);
        var entries = list.RootElement.EnumerateArray().ToList();
        Assert.Equal(JobsModelTests.AllJobs.Order(StringComparer.Ordinal), entries.Select(e => e.GetProperty("job").GetString()));
        Assert.All(entries, e => Assert.EndsWith("(America/New_York)", e.GetProperty("schedule").GetString(), StringComparison.Ordinal));
    }

    private static async Task<JobRuns> RunsAsync(NpgsqlDataSource admin)
    {
        // The runner creates job_runs at its first run: until then nothing has run.
        await using (var exists = admin.CreateCommand("SELECT to_regclass('job_runs') IS NOT NULL"))
        {
            if (!(bool)(await exists.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout))!)
            {
                return new JobRuns([]);
            }
        }

        var rows = new List<JobRun>();
        await using var command = admin.CreateCommand("SELECT id, job, status, summary FROM job_runs ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync().WaitAsync(TestStack.WaitTimeout);
        while (await reader.ReadAsync().WaitAsync(TestStack.WaitTimeout))
        {
            rows.Add(new JobRun(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return new JobRuns(rows);
    }

    private sealed record JobRun(long Id, string Job, string Status, string Summary);

    private sealed record JobRuns(IReadOnlyList<JobRun> Rows)
    {
        public long MaxId => Rows.Count == 0 ? 0 : Rows.Max(r => r.Id);

        public bool Succeeded(string job) => Rows.Any(r => r.Job == job && r.Status == "succeeded");

        public override string ToString() => Rows.Count == 0
            ? "no job_runs yet"
            : string.Join("; ", Rows.Select(r => $"#{r.Id} {r.Job} {r.Status}: {r.Summary}"));
    }
}
