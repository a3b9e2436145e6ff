using Microsoft.Extensions.Logging.Abstractions;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The opt-in live workload (<c>--Workload:Enabled=true</c>), on an app model bound to a sample deployed stack and
/// not started: off by default, and when on a project that gets the game's connection strings and waits for the
/// migrator to finish.
/// </summary>
public sealed class WorkloadSwitchTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("trivianft-workload-");

    [Fact]
    public async Task TheWorkloadIsNotInTheAppModelUnlessSwitchedOn()
    {
        await using var builder = await CreateAsync();

        Assert.DoesNotContain(builder.Resources, r => r.Name == WorkloadBuilderExtensions.ResourceName);
    }

    [Fact]
    public async Task SwitchedOnTheWorkloadGetsTheGameConnectionStringsAndWaitsForTheMigratorToFinish()
    {
        await using var builder = await CreateAsync("--Workload:Enabled=true", "--Workload:Clients=3");

        var workload = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == WorkloadBuilderExtensions.ResourceName);
        var configuration = await ExecutionConfigurationBuilder.Create(workload).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        var environment = configuration.EnvironmentVariables.ToDictionary(p => p.Key, p => p.Value);
        Assert.Contains($"ConnectionStrings__{ResourceNames.TriviaDb}", environment.Keys);
        Assert.Contains($"ConnectionStrings__{ResourceNames.TriviaDbReader}", environment.Keys);
        Assert.Contains($"ConnectionStrings__{ResourceNames.Cache}", environment.Keys);
        Assert.DoesNotContain($"ConnectionStrings__{ResourceNames.TriviaDbAdmin}", environment.Keys);
        Assert.Equal("3", environment["Workload__Clients"]);
        Assert.Contains(workload.Annotations.OfType<WaitAnnotation>(),
            w => w.Resource.Name == ResourceNames.Migrator && w.WaitType == WaitType.WaitForCompletion);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    // Cloud mode needs no local server: the app model is built from a sample `cdk deploy --outputs-file` file.
    private async Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] extra)
    {
        var outputs = Path.Combine(_dir.FullName, "outputs.json");
        await File.WriteAllTextAsync(outputs, """
            { "TriviaNft-DataStack-staging": {
                "WriterEndpoint": "writer.example.internal", "ReaderEndpoint": "reader.example.internal",
                "ProxyEndpoint": "proxy.example.internal", "ProxyReadOnlyEndpoint": "proxy-ro.example.internal",
                "RedisConfigurationEndpoint": "redis.example.internal", "RedisPort": "6379", "DatabasePort": "5432",
                "DatabaseName": "trivianft", "DatabaseSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x" } }
            """);
        return await DistributedApplicationTestingBuilder.CreateAsync<Projects.TriviaNft_AppHost>(
        [
            "--LocalEmulation:Mode=Cloud",
            $"--Cloud:OutputsFile={outputs}",
            $"--Parameters:{ResourceNames.PostgresPassword}=pg-Secret-0123456789",
            $"--Parameters:{ResourceNames.RedisPassword}=redis-Secret-0123456789",
            .. extra,
        ]).WaitAsync(TestStack.WaitTimeout);
    }
}
