using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

public sealed class CliContractTests
{
    [Theory]
    [InlineData("up", "--count", "abc")]
    [InlineData("sideways")]
    [InlineData("up", "--no-such-option")]
    [InlineData("up", "--connection", "Host=127.0.0.1", "--count", "1", "--to", "1_initial-schema")]
    [InlineData("up", "--connection", "Host=127.0.0.1", "--lock-timeout", "-5")]
    [InlineData("up", "--connection", "not a connection string")]
    public async Task UsageAndConfigurationErrorsExitTwo(params string[] args)
    {
        var run = await MigratorHarness.RunCliAsync(args);

        Assert.Equal(ExitCodes.Configuration, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task WithoutAnyConnectionTheMessageSaysWhereOneComesFrom()
    {
        var run = await MigratorHarness.RunCliAsync("status");

        Assert.Equal(ExitCodes.Configuration, run.ExitCode);
        Assert.Contains("DATABASE_URL", run.Error);
        Assert.Contains("ConnectionStrings__trivia-db-admin", run.Error);
    }

    [Fact]
    public async Task AnUnreachableDatabaseExitsOneWithoutPrintingThePassword()
    {
        var port = ServersFixture.FreePort();

        var run = await MigratorHarness.RunCliAsync(
            "up", "--connection", $"postgresql://admin:s3cret-Pa55@127.0.0.1:{port}/trivianft?connect_timeout=2");

        Assert.Equal(ExitCodes.MigrationFailed, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", run.Error);
        Assert.DoesNotContain("s3cret-Pa55", run.Error + run.Output);
    }

    [Fact]
    public async Task HelpListsEveryCommand()
    {
        var run = await MigratorHarness.RunCliAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var command in new[] { "up", "down", "redo", "status", "verify", "mark-applied" })
        {
            Assert.Contains(command, run.Output);
        }
    }
}
