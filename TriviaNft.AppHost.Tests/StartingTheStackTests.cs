using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>`dotnet run --project TriviaNft.AppHost` brings the whole topology up and migrates the database.</summary>
[Collection(AppHostCollection.Name)]
public sealed class StartingTheStackTests(AppHostFixture stack)
{
    [Fact]
    public async Task TheMigratorFinishesWithExitCodeZero()
    {
        var done = await stack.App.ResourceNotifications
            .WaitForResourceAsync(ResourceNames.Migrator, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text))
            .WaitAsync(TestStack.WaitTimeout);

        Assert.Equal(KnownResourceStates.Finished, done.Snapshot.State?.Text);
        Assert.Equal(0, done.Snapshot.ExitCode);
    }

    [Theory]
    [InlineData(ResourceNames.Postgres)]
    [InlineData(ResourceNames.PostgresReader)]
    [InlineData(ResourceNames.Proxy)]
    [InlineData(ResourceNames.Redis)]
    public async Task EveryServerReportsHealthy(string resource)
    {
        var healthy = await stack.App.ResourceNotifications
            .WaitForResourceAsync(resource, e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .WaitAsync(TestStack.WaitTimeout);

        Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
    }

    [Fact]
    public async Task TheConnectionStringsOfTheDesignAreServedAndTheProxyOnesDisableResetAndPrepare()
    {
        var db = await stack.ConnectionStringAsync(ResourceNames.TriviaDb);
        var reader = await stack.ConnectionStringAsync(ResourceNames.TriviaDbReader);
        var admin = await stack.ConnectionStringAsync(ResourceNames.TriviaDbAdmin);
        var cache = await stack.ConnectionStringAsync(ResourceNames.Cache);

        Assert.Contains($"Database={ResourceNames.DatabaseName};No Reset On Close=true;Max Auto Prepare=0", db);
        Assert.Contains($"Database={ResourceNames.ReaderDatabaseName};No Reset On Close=true;Max Auto Prepare=0", reader);
        Assert.DoesNotContain("No Reset On Close", admin);
        Assert.Equal(6, cache.Split(',').Count(part => part.StartsWith("127.0.0.1:", StringComparison.Ordinal)));
    }
}
