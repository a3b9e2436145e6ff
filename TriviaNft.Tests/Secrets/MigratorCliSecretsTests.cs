using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Secrets;

/// <summary>The migrator CLI's failures name the server, the database and the user, never the password.</summary>
[Collection(ServersCollection.Name)]
public sealed class MigratorCliSecretsTests(ServersFixture servers)
{
    private readonly string _password = "Cl1" + Guid.NewGuid().ToString("N");

    public static TheoryData<string> Commands => ["up", "status", "verify", "down", "rebuild-leaderboards"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task AWrongPasswordInAUrlIsRefusedWithoutPrintingIt(string command)
    {
        var run = await MigratorHarness.RunCliAsync(command, "--connection",
            $"postgresql://postgres:{_password}@127.0.0.1:{servers.PostgresPort}/postgres");

        AssertFailedWithoutSecrets(run, expected: command == "rebuild-leaderboards" ? "REDIS_URL" : "28P01");
    }

    [Fact]
    public async Task AWrongPasswordInAKeyValueStringIsRefusedWithoutPrintingIt()
    {
        var run = await MigratorHarness.RunCliAsync("up", "--connection",
            $"Host=127.0.0.1;Port={servers.PostgresPort};Database=postgres;Username=postgres;Password={_password}");

        AssertFailedWithoutSecrets(run, expected: "28P01");
    }

    [Fact]
    public async Task AMalformedConnectionStringWithAPasswordIsNotEchoed()
    {
        var run = await MigratorHarness.RunCliAsync("up", "--connection", $"Host=127.0.0.1;Password={_password};Port=not-a-port");

        AssertFailedWithoutSecrets(run, expected: "");
    }

    [Fact]
    public async Task AMalformedUrlWithAPasswordIsNotEchoed()
    {
        var run = await MigratorHarness.RunCliAsync("status", "--connection", $"postgresql://postgres:{_password}@127.0.0.1:nope/x");

        AssertFailedWithoutSecrets(run, expected: "");
    }

    [Fact]
    public async Task TheProgramWithDatabaseUrlInItsEnvironmentPrintsNeitherThePasswordNorTheUrl()
    {
        var port = ServersFixture.FreePort();
        var wrong = await MigratorHarness.RunProcessAsync(["up"], new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgresql://postgres:{_password}@127.0.0.1:{servers.PostgresPort}/postgres",
        });
        var unreachable = await MigratorHarness.RunProcessAsync(["status", "--json"], new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgresql://postgres:{_password}@127.0.0.1:{port}/postgres?connect_timeout=2",
        });

        AssertFailedWithoutSecrets(wrong, expected: "28P01");
        AssertFailedWithoutSecrets(unreachable, expected: $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task ARebuildWithARedisPasswordThatIsWrongDoesNotPrintIt()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        await using var _ = db;
        var redisUrl = $"127.0.0.1:{servers.RedisPorts[0]},password={_password},connectTimeout=2000";
        var run = await MigratorHarness.RunProcessAsync(["rebuild-leaderboards", "--connection", db.DirectConnectionString], new Dictionary<string, string>
        {
            ["REDIS_URL"] = redisUrl,
        });

        AssertFailedWithoutSecrets(run, expected: "Leaderboard rebuild failed", servers.PostgresPassword);
    }

    private void AssertFailedWithoutSecrets(MigratorRun run, string expected, params string[] moreSecrets)
    {
        var all = run.Output + run.Error;
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, all);
        Assert.NotEmpty(run.Error);
        SecretScan.AssertNone(all, [_password, .. moreSecrets]);
    }
}
