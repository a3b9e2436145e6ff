using Microsoft.Extensions.Logging.Abstractions;
using TriviaNft.AppHost.Cloud;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// Cloud mode, built from a sample <c>cdk deploy --outputs-file</c> file and not started (no network needed):
/// every project gets exactly the connection strings of the deployed stack, and nothing runs locally.
/// </summary>
public sealed class CloudModeTests : IDisposable
{
    private const string PostgresPassword = "pg-Secret-0123456789";
    private const string RedisPassword = "redis-Secret-0123456789";
    private const string Writer = "trivianft-aurora-staging.cluster-abc123.eu-west-1.rds.amazonaws.com";
    private const string Proxy = "trivianft-proxy-staging.proxy-abc123.eu-west-1.rds.amazonaws.com";
    private const string ProxyReadOnly = "trivianft-proxy-staging-read-only.endpoint.proxy-abc123.eu-west-1.rds.amazonaws.com";
    private const string Redis = "clustercfg.trivianft-redis-staging.abc123.euw1.cache.amazonaws.com";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("trivianft-cloud-");

    [Fact]
    public async Task EachNameBindsToItsDeployedEndpointWithTlsAndThePasswordsFromParameters()
    {
        await using var builder = await CreateAsync(WriteOutputs(SampleOutputs()));

        const string postgres = "Port=5432;Database=trivianft;Username=postgres;Password=" + PostgresPassword + ";SSL Mode=VerifyFull";
        Assert.Equal($"Host={Proxy};{postgres};No Reset On Close=true;Max Auto Prepare=0", await ConnectionStringAsync(builder, ResourceNames.TriviaDb));
        Assert.Equal($"Host={ProxyReadOnly};{postgres};No Reset On Close=true;Max Auto Prepare=0", await ConnectionStringAsync(builder, ResourceNames.TriviaDbReader));
        Assert.Equal($"Host={Writer};{postgres}", await ConnectionStringAsync(builder, ResourceNames.TriviaDbAdmin));
        Assert.Equal($"{Redis}:6379,ssl=true,password={RedisPassword},abortConnect=false", await ConnectionStringAsync(builder, ResourceNames.Cache));
    }

    [Fact]
    public async Task TheMigratorGetsTheWriterDirectlyAndNothingStartsLocally()
    {
        await using var builder = await CreateAsync(WriteOutputs(SampleOutputs()));

        Assert.DoesNotContain(builder.Resources.OfType<ExecutableResource>(), r => !r.Name.StartsWith(ResourceNames.Migrator, StringComparison.Ordinal));
        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        var migrator = Assert.Single(builder.Resources.OfType<ProjectResource>());
        var configuration = await ExecutionConfigurationBuilder.Create(migrator).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        var environment = configuration.EnvironmentVariables.ToDictionary(p => p.Key, p => p.Value);
        Assert.Null(configuration.Exception);
        Assert.Equal($"Host={Writer};Port=5432;Database=trivianft;Username=postgres;Password={PostgresPassword};SSL Mode=VerifyFull",
            environment[$"ConnectionStrings__{ResourceNames.TriviaDbAdmin}"]);
        Assert.DoesNotContain(environment.Keys, key => key == $"ConnectionStrings__{ResourceNames.TriviaDb}");
    }

    [Fact]
    public async Task PasswordsStayPlaceholdersInTheAppModelsPublishedForm()
    {
        await using var builder = await CreateAsync(WriteOutputs(SampleOutputs()));

        foreach (var resource in builder.Resources.OfType<IResourceWithConnectionString>())
        {
            var expression = resource.ConnectionStringExpression.ValueExpression;
            Assert.DoesNotContain(PostgresPassword, expression);
            Assert.DoesNotContain(RedisPassword, expression);
        }
    }

    [Theory]
    [InlineData("ProxyEndpoint")]
    [InlineData("RedisConfigurationEndpoint")]
    [InlineData("WriterEndpoint")]
    public void AMissingOutputIsNamedInTheMessage(string output)
    {
        var outputs = SampleOutputs();
        outputs.Remove(output);

        var error = Assert.Throws<CloudBindingException>(() => StackOutputs.Load(WriteOutputs(outputs), stackName: null));

        Assert.Contains(output, error.Message);
    }

    [Fact]
    public void AMissingOrMalformedFileSaysWhatToDo()
    {
        var missing = Assert.Throws<CloudBindingException>(() => StackOutputs.Load(Path.Combine(_dir.FullName, "none.json"), null));
        var malformed = Path.Combine(_dir.FullName, "bad.json");
        File.WriteAllText(malformed, "{ not json");

        Assert.Contains("--outputs-file", missing.Message);
        Assert.Contains("not valid JSON", Assert.Throws<CloudBindingException>(() => StackOutputs.Load(malformed, null)).Message);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static Dictionary<string, string> SampleOutputs() => new()
    {
        ["WriterEndpoint"] = Writer,
        ["ReaderEndpoint"] = "trivianft-aurora-staging.cluster-ro-abc123.eu-west-1.rds.amazonaws.com",
        ["ProxyEndpoint"] = Proxy,
        ["ProxyReadOnlyEndpoint"] = ProxyReadOnly,
        ["RedisConfigurationEndpoint"] = Redis,
        ["RedisPort"] = "6379",
        ["DatabasePort"] = "5432",
        ["DatabaseName"] = "trivianft",
        ["DatabaseSecretArn"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:staging/trivia-nft/database-AbCdEf",
    };

    private string WriteOutputs(Dictionary<string, string> outputs)
    {
        var path = Path.Combine(_dir.FullName, $"outputs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(
            new Dictionary<string, Dictionary<string, string>> { ["TriviaNft-DataStack-staging"] = outputs }));
        return path;
    }

    private static async Task<IDistributedApplicationTestingBuilder> CreateAsync(string outputsFile) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.TriviaNft_AppHost>(
        [
            "--LocalEmulation:Mode=Cloud",
            $"--Cloud:OutputsFile={outputsFile}",
            $"--Parameters:{ResourceNames.PostgresPassword}={PostgresPassword}",
            $"--Parameters:{ResourceNames.RedisPassword}={RedisPassword}",
        ]).WaitAsync(TestStack.WaitTimeout);

    private static async Task<string?> ConnectionStringAsync(IDistributedApplicationTestingBuilder builder, string name) =>
        await builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == name).GetConnectionStringAsync();
}
