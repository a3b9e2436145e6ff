using System.Diagnostics;
using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

[Collection(ServersCollection.Name)]
public sealed class MigratorHostsTests(ServersFixture servers)
{
    [Fact]
    public async Task WorkerModeAppliesMigrationsFromTheAspireConnectionStringAndExitsZero()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunProcessAsync([], new Dictionary<string, string>
        {
            ["ConnectionStrings__trivia-db-admin"] = db,
        });

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task WorkerModeExitsNonZeroWhenAMigrationFails()
    {
        var db = await servers.CreateDatabaseAsync();
        var dir = MigratorHarness.CopyOfShippedMigrations();
        await File.WriteAllTextAsync(Path.Combine(dir, "3_broken.sql"), "SELECT * FROM nowhere;");

        var run = await MigratorHarness.RunProcessAsync([], new Dictionary<string, string>
        {
            ["ConnectionStrings__trivia-db-admin"] = db,
            ["Migrator__MigrationsDirectory"] = dir,
        });

        Assert.Equal(ExitCodes.MigrationFailed, run.ExitCode);
        Assert.Contains("3_broken.sql", run.Output + run.Error);
    }

    [Fact]
    public async Task TheCliFallsBackToDatabaseUrlInPostgresqlUrlForm()
    {
        var db = await servers.CreateDatabaseAsync();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(db).Database;
        var url = $"postgresql://postgres:{Uri.EscapeDataString(servers.PostgresPassword)}@127.0.0.1:{servers.PostgresPort}/{database}";

        var run = await MigratorHarness.RunProcessAsync(["up"], new Dictionary<string, string> { ["DATABASE_URL"] = url });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, (await MigratorHarness.AppliedNamesAsync(db)).Count);
    }

    [Fact]
    public async Task EveryMigrationGetsItsOwnSpanUnderTheRunSpan()
    {
        var db = await servers.CreateDatabaseAsync();
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "TriviaNft.Migrator",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        await new MigrationRunner(new MigratorOptions { ConnectionString = db }).UpAsync(MigrationTarget.Default);

        var run = Assert.Single(stopped, a => a.DisplayName == "migrate up");
        var children = stopped.Where(a => a.ParentSpanId == run.SpanId).Select(a => a.DisplayName).ToList();
        Assert.Equal(["migration 1_initial-schema", "migration 2_reference-data"], children);
    }
}
