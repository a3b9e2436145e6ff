using Npgsql;
using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

[Collection(ServersCollection.Name)]
public sealed class NodePgMigrateAdoptionTests(ServersFixture servers)
{
    [Fact]
    public async Task ANodePgMigrateHistoryIsAdoptedWithoutRerunningWhatItRecorded()
    {
        var db = await servers.CreateDatabaseAsync();
        var first = MigrationSource.Load(MigratorHarness.ShippedMigrations)[0];
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            // Exactly the table node-pg-migrate creates, with the first migration applied by the Node tool.
            await using var setup = new NpgsqlCommand($"""
                CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
                {first.Up.Sql}
                INSERT INTO pgmigrations (name, run_on) VALUES ('{first.Name}', '2025-01-02 03:04:05');
                """, connection);
            await setup.ExecuteNonQueryAsync();
        }

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("applied 1_initial-schema", run.Output);
        Assert.Contains("applied 2_reference-data", run.Output);
        var status = await new MigrationRunner(new MigratorOptions { ConnectionString = db }).StatusAsync();
        var adopted = Assert.Single(status, e => e.Name == first.Name);
        Assert.Equal(new DateTime(2025, 1, 2, 3, 4, 5), adopted.RunOn);
        Assert.Equal(ChecksumState.Unrecorded, adopted.Checksum);
        Assert.Equal(ChecksumState.Match, Assert.Single(status, e => e.Name == "2_reference-data").Checksum);
    }

    [Fact]
    public async Task MarkAppliedRecordsPendingMigrationsWithoutRunningThem()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunCliAsync("mark-applied", "--to", "1_initial-schema", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["1_initial-schema"], await MigratorHarness.AppliedNamesAsync(db));
        Assert.Empty(await SchemaInspector.TablesAsync(db));
    }
}
