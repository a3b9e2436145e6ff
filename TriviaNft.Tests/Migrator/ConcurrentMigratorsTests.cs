using Npgsql;
using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

[Collection(ServersCollection.Name)]
public sealed class ConcurrentMigratorsTests(ServersFixture servers)
{
    [Fact]
    public async Task EightMigratorProcessesStartedAtOnceApplyEachMigrationExactlyOnce()
    {
        var db = await servers.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            MigratorHarness.RunProcessAsync(["up", "--connection", db, "--lock-timeout", "90"])));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
        Assert.Equal(1, runs.Count(run => run.Output.Contains("applied 1_initial-schema (", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AMigratorThatCannotTakeTheLockInTimeExitsThree()
    {
        var db = await servers.CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(db);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.Key})", holder))
        {
            await take.ExecuteScalarAsync();
        }

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--lock-timeout", "1");

        Assert.Equal(ExitCodes.LockTimeout, run.ExitCode);
        Assert.Contains("another migrator", run.Error);
        Assert.Empty(await SchemaInspector.TablesAsync(db));
    }
}
