using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.Data.Jobs;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The <c>jobs</c> resource in the app model of each mode, built but not started: the migrator's <c>jobs schedule</c>
/// on the writer and Redis, after the migrator, with a trigger endpoint it binds itself and one command per job; and
/// absent in cloud mode, where the deployed stack runs its own schedules.
/// </summary>
public sealed class JobsModelTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("trivianft-jobs-model-");

    /// <summary>Every job of the data layer, by its constant.</summary>
    internal static readonly string[] AllJobs =
    [
        JobNames.SeasonRollover, JobNames.LeaderboardSnapshot, JobNames.EligibilityExpiry,
        JobNames.GuestPurge, JobNames.LeaderboardCheck, JobNames.StalePending,
    ];

    [Theory]
    [InlineData("Native")]
    [InlineData("Containers")]
    public async Task TheJobsResourceIsTheMigratorsScheduleOnTheWriterAndRedisStartedOnceTheMigratorHasFinished(string mode)
    {
        await using var builder = await CreateAsync($"--LocalEmulation:Mode={mode}", $"--LocalEmulation:StateDirectory={Path.Combine(_dir.FullName, "state")}");

        var jobs = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == JobsBuilderExtensions.ResourceName);
        var migrator = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == ResourceNames.Migrator);
        Assert.Equal(migrator.GetProjectMetadata().ProjectPath, jobs.GetProjectMetadata().ProjectPath);
        var configuration = await ExecutionConfigurationBuilder.Create(jobs).WithArgumentsConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        Assert.Null(configuration.Exception);
        Assert.Equal(["jobs", "schedule"], configuration.Arguments.Select(a => a.Value));

        // The writer directly and Redis; never the proxy's pools.
        var references = jobs.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource.Name);
        Assert.Equal(new[] { ResourceNames.TriviaDbAdmin, ResourceNames.Cache }.Order(), references.Order());
        var waits = jobs.Annotations.OfType<WaitAnnotation>().ToList();
        Assert.Contains(waits, w => w.Resource.Name == ResourceNames.Migrator && w.WaitType == WaitType.WaitForCompletion && w.ExitCode == 0);
        Assert.Contains(waits, w => w.Resource.Name == ResourceNames.Cache && w.WaitType == WaitType.WaitUntilHealthy);

        var trigger = Assert.Single(jobs.Annotations.OfType<EndpointAnnotation>(), e => e.Name == JobsBuilderExtensions.TriggerEndpoint);
        Assert.Equal("http", trigger.UriScheme);
        Assert.False(trigger.IsProxied);
    }

    [Fact]
    public async Task EveryJobHasARunNowCommandEnabledOnlyWhileTheSchedulerRuns()
    {
        await using var builder = await CreateAsync($"--LocalEmulation:StateDirectory={Path.Combine(_dir.FullName, "state")}");

        var jobs = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == JobsBuilderExtensions.ResourceName);
        var commands = jobs.Annotations.OfType<ResourceCommandAnnotation>().Where(c => c.Name.StartsWith("run-", StringComparison.Ordinal)).ToList();
        Assert.Equal(AllJobs.Select(j => $"run-{j}").Order(), commands.Select(c => c.Name).Order());
        Assert.All(commands, c => Assert.Equal($"Run {c.Name["run-".Length..]} now", c.DisplayName));
        Assert.All(commands, c => Assert.Contains("America/New_York", c.DisplayDescription, StringComparison.Ordinal));
        var running = Context(jobs, KnownResourceStates.Running);
        var starting = Context(jobs, KnownResourceStates.Starting);
        Assert.All(commands, c => Assert.Equal(ResourceCommandState.Enabled, c.UpdateState(running)));
        Assert.All(commands, c => Assert.Equal(ResourceCommandState.Disabled, c.UpdateState(starting)));
    }

    [Fact]
    public async Task CloudModeHasNoJobsResource()
    {
        await using var builder = await CreateAsync("--LocalEmulation:Mode=Cloud", $"--Cloud:OutputsFile={await WriteOutputsAsync()}");

        Assert.DoesNotContain(builder.Resources, r => r.Name == JobsBuilderExtensions.ResourceName);
        Assert.Contains(builder.Resources, r => r.Name == ResourceNames.Migrator);
    }

    [Fact]
    public void TheCommandResultIsTheJobsSummaryWithTheWholeRunAsJson()
    {
        const string succeeded = """{"job":"eligibility-expiry","at":"2027-03-01T05:00:00+00:00","dryRun":false,"status":"succeeded","rowsAffected":3,"durationMs":12,"summary":"expired 3 eligibilities","gauges":{},"error":null}""";
        const string failed = """{"job":"guest-purge","at":"2027-03-01T05:00:00+00:00","dryRun":false,"status":"failed","rowsAffected":0,"durationMs":5,"summary":"failed: boom","gauges":{},"error":"InvalidOperationException: boom"}""";
        const string busy = """{"job":"guest-purge","at":"2027-03-01T05:00:00+00:00","dryRun":false,"status":"already-running","rowsAffected":0,"durationMs":1,"summary":"already running in another runner; this run did nothing","gauges":{},"error":null}""";

        var ok = JobCommands.Result(JobNames.EligibilityExpiry, succeeded);
        var error = JobCommands.Result(JobNames.GuestPurge, failed);
        var running = JobCommands.Result(JobNames.GuestPurge, busy);
        var garbled = JobCommands.Result(JobNames.GuestPurge, "<html>");

        Assert.True(ok.Success);
        Assert.Equal("eligibility-expiry: expired 3 eligibilities (3 rows, 12 ms).", ok.Message);
        Assert.Equal(succeeded, ok.Data?.Value);
        Assert.Equal(CommandResultFormat.Json, ok.Data?.Format);
        Assert.False(error.Success);
        Assert.Equal("guest-purge: failed: boom", error.Message);
        Assert.Equal(failed, error.Data?.Value);
        Assert.False(running.Success);
        Assert.Equal("guest-purge: already running in another runner; this run did nothing", running.Message);
        Assert.False(garbled.Success);
    }

    [Fact]
    public void TheCommandsCoverTheDataLayersJobList()
    {
        Assert.Equal(AllJobs, JobCommands.Jobs().Select(j => j.Name));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static UpdateCommandStateContext Context(IResource resource, string state) => new()
    {
        ResourceSnapshot = new CustomResourceSnapshot { ResourceType = "Project", Properties = [], State = state },
        Services = new ServiceCollection().BuildServiceProvider(),
    };

    private async Task<string> WriteOutputsAsync()
    {
        var outputs = Path.Combine(_dir.FullName, "outputs.json");
        await File.WriteAllTextAsync(outputs, """
            { "TriviaNft-DataStack-staging": {
                "WriterEndpoint": "writer.example.internal", "ReaderEndpoint": "reader.example.internal",
                "ProxyEndpoint": "proxy.example.internal", "ProxyReadOnlyEndpoint": "proxy-ro.example.internal",
                "RedisConfigurationEndpoint": "redis.example.internal", "RedisPort": "6379", "DatabasePort": "5432",
                "DatabaseName": "trivianft", "DatabaseSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x" } }
            """);
        return outputs;
    }

    private static async Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.TriviaNft_AppHost>(
        [
            $"--Parameters:{ResourceNames.PostgresPassword}=pg-Secret-0123456789",
            $"--Parameters:{ResourceNames.RedisPassword}=redis-Secret-0123456789",
            .. args,
        ]).WaitAsync(TestStack.WaitTimeout);
}
