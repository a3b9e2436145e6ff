using System.Text.Json;
using Npgsql;
using TriviaNft.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Secrets;

/// <summary>
/// The published Lambda bundle (<c>bootstrap</c>) against the fake Runtime API and secrets extension, on its
/// success and failure paths: nothing it prints and nothing it posts back carries a password or a secret.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LambdaHostSecretsTests(ServersFixture servers, LambdaBundleFixture bundle, ITestOutputHelper output) : IClassFixture<LambdaBundleFixture>, IAsyncLifetime
{
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:staging/trivia-nft/database-";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _wrongPassword = "Wr0ng" + Guid.NewGuid().ToString("N");
    private readonly string _unreachablePassword = "Unr3ach" + Guid.NewGuid().ToString("N");
    private readonly string _malformedPassword = "Malf0rmed" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, string> _secretStrings = [];
    private FakeLambdaRuntime _runtime = null!;
    private string _db = string.Empty;
    private int _unreachablePort;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateDatabaseAsync();
        _runtime = await FakeLambdaRuntime.StartAsync();
        _unreachablePort = ServersFixture.FreePort();
        var good = new NpgsqlConnectionStringBuilder(_db);
        AddSecret("good", SecretJson(good.Username!, good.Password!, good.Port, good.Database!));
        AddSecret("wrong-password", SecretJson(good.Username!, _wrongPassword, good.Port, good.Database!));
        AddSecret("unreachable", SecretJson(good.Username!, _unreachablePassword, _unreachablePort, good.Database!));
        // The port is not a number: the secret does not parse, and the parse error must not quote it.
        AddSecret("malformed", $$"""{"username":"postgres","password":"{{_malformedPassword}}","host":"127.0.0.1","port":"x{{_malformedPassword}}"}""");
    }

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task NoPasswordOrSecretJsonReachesTheOutputOrTheRuntimeApiOnSuccessOrFailure()
    {
        var posted = new List<string>();
        var bootstrap = CapturedProcess.Start(bundle.Bootstrap, _runtime.LambdaEnvironment());
        try
        {
            posted.Add(await InvokeAsync(CreateEvent("good"), expectSuccess: true));
            posted.Add(await InvokeAsync(Manual("status", "good"), expectSuccess: true));
            posted.Add(await InvokeAsync(Manual("migrate", "wrong-password"), expectSuccess: false));
            posted.Add(await InvokeAsync(Manual("migrate", "unreachable"), expectSuccess: false));
            posted.Add(await InvokeAsync(Manual("status", "malformed"), expectSuccess: false));
            posted.Add(await InvokeAsync(CreateEvent("no-such-secret"), expectSuccess: false));
            posted.Add(await InvokeAsync("""{"action":"migrate","secretArn":""", expectSuccess: false));
        }
        finally
        {
            await bootstrap.DisposeAsync();
        }

        var captured = string.Join('\n', bootstrap.Lines.Concat(posted));
        SecretScan.AssertNone(captured, [servers.PostgresPassword, _wrongPassword, _unreachablePassword, _malformedPassword, .. _secretStrings.Values]);

        // Positive controls: the capture holds the success path (migration names), each failure (the SQLSTATE of
        // the refused login, the unreachable port, the malformed field, the unknown ARN), and the secrets' other fields.
        Assert.Contains("1_initial-schema", captured);
        Assert.Contains("28P01", captured);
        Assert.Contains($"127.0.0.1:{_unreachablePort}", captured);
        Assert.Contains("$.port", captured);
        Assert.Contains(Arn + "no-such-secret", captured);
        Assert.NotEmpty(SecretScan.Find(string.Join('\n', _secretStrings.Values), [servers.PostgresPassword]));
        output.WriteLine($"{posted.Count} invocations, {bootstrap.Lines.Count} output lines, {captured.Length} characters scanned");
    }

    private async Task<string> InvokeAsync(string body, bool expectSuccess)
    {
        var outcome = await _runtime.InvokeAsync(body, Timeout);
        Assert.True(outcome.Succeeded == expectSuccess, outcome.Body);
        return $"{outcome.ErrorType} {outcome.Body}";
    }

    private void AddSecret(string name, string json)
    {
        _secretStrings[name] = json;
        _runtime.AddSecret(Arn + name, json);
    }

    private static string Manual(string action, string secret) => $$"""{"action":"{{action}}","secretArn":"{{Arn + secret}}"}""";

    private static string CreateEvent(string secret) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["RequestType"] = "Create",
        ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:provider",
        ["StackId"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/TriviaNft-DataStack-staging/1",
        ["RequestId"] = Guid.NewGuid().ToString(),
        ["LogicalResourceId"] = "MigrationFunctionMigration",
        ["ResourceType"] = "Custom::TriviaNftMigration",
        ["ResourceProperties"] = new Dictionary<string, string> { ["SecretArn"] = Arn + secret },
    });

    private static string SecretJson(string username, string password, int port, string database) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["username"] = username,
        ["password"] = password,
        ["engine"] = "postgres",
        ["host"] = "127.0.0.1",
        ["port"] = port,
        ["dbname"] = database,
    });
}
