using System.Text.Json;
using Npgsql;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

/// <summary>
/// The real migrator program as a Lambda custom runtime (<c>bootstrap</c>), driven end to end by a fake
/// Runtime API and secrets extension, against the real test PostgreSQL.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LambdaHostTests(ServersFixture servers, LambdaBundleFixture bundle) : IClassFixture<LambdaBundleFixture>, IAsyncLifetime
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:staging/trivia-nft/database-AbCdEf";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private FakeLambdaRuntime _runtime = null!;
    private TriviaNft.LocalServers.ServerProcess _bootstrap = null!;
    private string _db = string.Empty;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateDatabaseAsync();
        _runtime = await FakeLambdaRuntime.StartAsync();
        _runtime.AddSecret(SecretArn, SecretFor(_db));
        _bootstrap = MigratorHarness.StartProcess(bundle.Bootstrap, _runtime.LambdaEnvironment());
    }

    public async Task DisposeAsync()
    {
        await _bootstrap.DisposeAsync();
        await _runtime.DisposeAsync();
    }

    [Fact]
    public async Task ACreateEventAppliesTheMigrationsAndAnswersTheProviderFramework()
    {
        var outcome = await _runtime.InvokeAsync(CustomResourceEvent("Create", physicalId: null), Timeout);

        Assert.True(outcome.Succeeded, outcome.Body);
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("trivianft-schema-migrations", response.RootElement.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(2, response.RootElement.GetProperty("Data").GetProperty("applied").GetInt32());
        Assert.Equal(2, response.RootElement.GetProperty("Data").GetProperty("total").GetInt32());
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(_db));
        Assert.All(_runtime.SecretTokens, token => Assert.Equal(FakeLambdaRuntime.SessionToken, token));
    }

    [Fact]
    public async Task AnUpdateWithNothingPendingKeepsThePhysicalIdAndAppliesNothing()
    {
        await _runtime.InvokeAsync(CustomResourceEvent("Create", physicalId: null), Timeout);

        var outcome = await _runtime.InvokeAsync(CustomResourceEvent("Update", physicalId: "existing-id"), Timeout);

        Assert.True(outcome.Succeeded, outcome.Body);
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("existing-id", response.RootElement.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(0, response.RootElement.GetProperty("Data").GetProperty("applied").GetInt32());
    }

    [Fact]
    public async Task ADeleteEventSucceedsWithoutTouchingTheDatabase()
    {
        var outcome = await _runtime.InvokeAsync(CustomResourceEvent("Delete", physicalId: "trivianft-schema-migrations"), Timeout);

        Assert.True(outcome.Succeeded, outcome.Body);
        Assert.Empty(_runtime.SecretTokens);
        Assert.Empty(await SchemaInspector.TablesAsync(_db));
    }

    [Fact]
    public async Task TheGuidesManualPayloadMigratesAndReportsStatus()
    {
        var migrate = await _runtime.InvokeAsync($$"""{"action":"migrate","secretArn":"{{SecretArn}}"}""", Timeout);
        var status = await _runtime.InvokeAsync($$"""{"action":"status","secretArn":"{{SecretArn}}"}""", Timeout);

        Assert.True(migrate.Succeeded, migrate.Body);
        using var migrated = JsonDocument.Parse(migrate.Body);
        Assert.Equal("ok", migrated.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, migrated.RootElement.GetProperty("applied").GetArrayLength());
        using var reported = JsonDocument.Parse(status.Body);
        Assert.All(reported.RootElement.GetProperty("migrations").EnumerateArray(),
            m => Assert.Equal("applied", m.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task AnUnknownSecretBecomesALambdaErrorWithTypeAndMessage()
    {
        var outcome = await _runtime.InvokeAsync("""{"action":"migrate","secretArn":"arn:aws:secretsmanager:none"}""", Timeout);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Migrator.", outcome.ErrorType, StringComparison.Ordinal);
        using var error = JsonDocument.Parse(outcome.Body);
        Assert.Contains("arn:aws:secretsmanager:none", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(outcome.ErrorType, error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task TheSecretNeverAppearsInTheFunctionsOutput()
    {
        await _runtime.InvokeAsync(CustomResourceEvent("Create", physicalId: null), Timeout);
        await _runtime.InvokeAsync("""{"action":"migrate","secretArn":"arn:aws:secretsmanager:none"}""", Timeout);

        Assert.DoesNotContain(servers.PostgresPassword, _bootstrap.RecentOutput);
        Assert.Contains("up 1_initial-schema", _bootstrap.RecentOutput);
    }

    [Fact]
    public async Task ABrokenMigrationBecomesALambdaErrorSoCloudFormationRollsBack()
    {
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "3_broken.sql"), "SELECT * FROM nowhere;");
        await using var broken = MigratorHarness.StartProcess(bundle.Bootstrap, new Dictionary<string, string>(_runtime.LambdaEnvironment())
        {
            ["MIGRATIONS_DIR"] = dir,
        });
        await _bootstrap.DisposeAsync(); // only the broken runtime polls for the next invocation

        var outcome = await _runtime.InvokeAsync(CustomResourceEvent("Create", physicalId: null), Timeout);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Migrator.MigrationFailedException", outcome.ErrorType);
        using var error = JsonDocument.Parse(outcome.Body);
        Assert.Contains("3_broken.sql", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Contains("42P01", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(_db));
    }

    [Fact]
    public async Task AnUnusableMigrationsDirectoryIsReportedAsAnInitError()
    {
        var dir = Directory.CreateTempSubdirectory("trivianft-bad-bundle-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "not-a-migration.sql"), "SELECT 1;");
        await _bootstrap.DisposeAsync();

        await using var broken = MigratorHarness.StartProcess(bundle.Bootstrap, new Dictionary<string, string>(_runtime.LambdaEnvironment())
        {
            ["MIGRATIONS_DIR"] = dir,
        });
        var initError = await _runtime.InitError.Task.WaitAsync(Timeout);

        Assert.Contains("not-a-migration.sql", initError);
    }

    private static string CustomResourceEvent(string requestType, string? physicalId) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["RequestType"] = requestType,
        ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:provider",
        ["StackId"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/TriviaNft-DataStack-staging/1",
        ["RequestId"] = Guid.NewGuid().ToString(),
        ["LogicalResourceId"] = "MigrationFunctionMigration",
        ["ResourceType"] = "Custom::TriviaNftMigration",
        ["PhysicalResourceId"] = physicalId,
        ["ResourceProperties"] = new Dictionary<string, string> { ["SecretArn"] = SecretArn, ["MigrationsChecksum"] = "abc" },
    });

    private static string SecretFor(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["username"] = builder.Username,
            ["password"] = builder.Password,
            ["engine"] = "postgres",
            ["host"] = builder.Host,
            ["port"] = builder.Port,
            ["dbname"] = builder.Database,
        });
    }
}
