using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

[Collection(ServersCollection.Name)]
public sealed class FailingMigrationsTests(ServersFixture servers)
{
    private const string BrokenMigration = """
        -- Up Migration
        CREATE TABLE broken_half (id int);
        INSERT INTO broken_half VALUES (1);
        SELECT * FROM
          table_that_does_not_exist;

        -- Down Migration
        DROP TABLE broken_half;
        """;

    [Fact]
    public async Task ABrokenMigrationRollsBackCompletelyAndExitsOneNamingTheFileAndTheError()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "3_broken.sql"), BrokenMigration);

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.MigrationFailed, run.ExitCode);
        Assert.Contains("3_broken.sql", run.Error);
        Assert.Contains("42P01", run.Error);
        Assert.Contains("table_that_does_not_exist", run.Error);
        Assert.Contains("line 5", run.Error);
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
        Assert.DoesNotContain("broken_half", await SchemaInspector.TablesAsync(db));
    }

    [Fact]
    public async Task AnAppliedFileEditedAfterwardsMakesVerifyExitFour()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);
        Assert.Equal(0, (await MigratorHarness.RunCliAsync("verify", "--connection", db, "--migrations-dir", dir)).ExitCode);

        await File.AppendAllTextAsync(Path.Combine(dir, "2_reference-data.sql"), "\n-- an innocent-looking edit\n");
        var run = await MigratorHarness.RunCliAsync("verify", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("2_reference-data.sql was changed after it was applied", run.Error);
    }

    [Fact]
    public async Task UpRefusesToRunWhenAnAppliedFileIsMissing()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);
        File.Delete(Path.Combine(dir, "2_reference-data.sql"));

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("2_reference-data.sql is not in the migrations directory", run.Error);
    }

    [Fact]
    public async Task APendingMigrationBeforeTheLastAppliedOneIsReportedAsOutOfOrder()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "5_later.sql"), "-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 1;\n");
        await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "3_forgotten.sql"), "SELECT 1;");

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("3_forgotten.sql is not applied but comes before 5_later", run.Error);
    }

    [Fact]
    public async Task ANoTransactionMigrationCanCreateAnIndexConcurrently()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "3_concurrent-index.sql"), """
            -- migrate:no-transaction
            -- Up Migration
            CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_test_players_created ON players (created_at);
            -- Down Migration
            DROP INDEX CONCURRENTLY IF EXISTS idx_test_players_created;
            """);

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(await SchemaInspector.IndexDefinitionAsync(db, "idx_test_players_created"));
        Assert.Contains("3_concurrent-index", await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task WithoutTheOptOutCreateIndexConcurrentlyFailsAndIsRolledBack()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "3_concurrent-index.sql"),
            "CREATE INDEX CONCURRENTLY idx_test_players_created ON players (created_at);");

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.MigrationFailed, run.ExitCode);
        Assert.Contains("25001", run.Error);
        Assert.Null(await SchemaInspector.IndexDefinitionAsync(db, "idx_test_players_created"));
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task ADownOfAMigrationWithoutDownSectionRefusesBeforeChangingAnything()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "3_one-way.sql"), "CREATE TABLE one_way (id int);");
        await MigratorHarness.RunCliAsync("up", "--connection", db, "--migrations-dir", dir);

        var run = await MigratorHarness.RunCliAsync("down", "--count", "2", "--connection", db, "--migrations-dir", dir);

        Assert.Equal(ExitCodes.Configuration, run.ExitCode);
        Assert.Contains("3_one-way.sql has no '-- Down Migration' section", run.Error);
        Assert.Equal(3, (await MigratorHarness.AppliedNamesAsync(db)).Count);
    }
}
