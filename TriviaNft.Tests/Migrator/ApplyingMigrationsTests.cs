using System.Text.Json;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Migrator;

[Collection(ServersCollection.Name)]
public sealed class ApplyingMigrationsTests(ServersFixture servers)
{
    private static readonly string[] Tables =
    [
        "categories", "eligibilities", "forge_operations", "leaderboard_snapshots", "mints", "nft_catalog",
        "player_nfts", "players", "question_flags", "questions", "season_points", "seasons", "sessions",
    ];

    private static readonly string[] GuideIndexes =
    [
        "idx_players_stake_key", "idx_players_anon_id", "idx_sessions_player", "idx_sessions_perfect",
        "idx_season_points_leaderboard", "idx_eligibilities_active",
    ];

    private static readonly string[] GuideConstraints = ["chk_email_format", "chk_score", "chk_status"];

    [Fact]
    public async Task AFreshApplyCreatesAllThirteenTablesAndEveryNamedIndexAndConstraint()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Tables, await SchemaInspector.TablesAsync(db));
        Assert.Empty(GuideIndexes.Except(await SchemaInspector.IndexesAsync(db)));
        Assert.Empty(GuideConstraints.Except(await SchemaInspector.ConstraintsAsync(db)));
        Assert.Contains("WHERE (score = 10)", await SchemaInspector.IndexDefinitionAsync(db, "idx_sessions_perfect"));
        Assert.Contains("(season_id, points DESC, nfts_minted DESC)", await SchemaInspector.IndexDefinitionAsync(db, "idx_season_points_leaderboard"));
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task EachAppliedMigrationPrintsItsNameAndDuration()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunCliAsync("up", "--connection", db);

        Assert.Matches(@"applied 1_initial-schema \(\d+ ms\)", run.Output);
        Assert.Matches(@"applied 2_reference-data \(\d+ ms\)", run.Output);
    }

    [Fact]
    public async Task ASecondUpIsANoOp()
    {
        var db = await servers.CreateDatabaseAsync();
        await MigratorHarness.RunCliAsync("up", "--connection", db);

        var second = await MigratorHarness.RunCliAsync("up", "--connection", db);

        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("applied 1_", second.Output);
        Assert.Contains("Nothing to do", second.Output);
        Assert.Equal(2, (await MigratorHarness.AppliedNamesAsync(db)).Count);
    }

    [Fact]
    public async Task DownAllThenUpRoundTripsTheSchema()
    {
        var db = await servers.CreateDatabaseAsync();
        await MigratorHarness.RunCliAsync("up", "--connection", db);

        var down = await MigratorHarness.RunCliAsync("down", "--count", "99", "--connection", db);

        Assert.Equal(0, down.ExitCode);
        Assert.Empty(await SchemaInspector.TablesAsync(db));
        Assert.Empty(await MigratorHarness.AppliedNamesAsync(db));

        var up = await MigratorHarness.RunCliAsync("up", "--connection", db);

        Assert.Equal(0, up.ExitCode);
        Assert.Equal(Tables, await SchemaInspector.TablesAsync(db));
    }

    [Fact]
    public async Task UpWithCountOrToAppliesOnlyThatFar()
    {
        var db = await servers.CreateDatabaseAsync();

        var first = await MigratorHarness.RunCliAsync("up", "--count", "1", "--connection", db);
        Assert.Equal(["1_initial-schema"], await MigratorHarness.AppliedNamesAsync(db));

        await MigratorHarness.RunCliAsync("down", "--connection", db);
        var to = await MigratorHarness.RunCliAsync("up", "--to", "1_initial-schema", "--connection", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, to.ExitCode);
        Assert.Equal(["1_initial-schema"], await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task RedoRollsBackAndReappliesTheLastMigration()
    {
        var db = await servers.CreateDatabaseAsync();
        await MigratorHarness.RunCliAsync("up", "--connection", db);

        var redo = await MigratorHarness.RunCliAsync("redo", "--connection", db);

        Assert.Equal(0, redo.ExitCode);
        Assert.Contains("rolled back 2_reference-data", redo.Output);
        Assert.Contains("applied 2_reference-data", redo.Output);
        Assert.Equal(["1_initial-schema", "2_reference-data"], await MigratorHarness.AppliedNamesAsync(db));
    }

    [Fact]
    public async Task DryRunListsWhatWouldRunAndChangesNothing()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunCliAsync("up", "--dry-run", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would apply 1_initial-schema", run.Output);
        Assert.Empty(await SchemaInspector.TablesAsync(db));
    }

    [Fact]
    public async Task StatusJsonListsEveryMigrationWithStateRunOnAndChecksum()
    {
        var db = await servers.CreateDatabaseAsync();
        await MigratorHarness.RunCliAsync("up", "--count", "1", "--connection", db);

        var run = await MigratorHarness.RunCliAsync("status", "--json", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var migrations = json.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(2, migrations.Count);
        Assert.Equal("applied", migrations[0].GetProperty("state").GetString());
        Assert.Equal("match", migrations[0].GetProperty("checksum").GetString());
        Assert.NotNull(migrations[0].GetProperty("runOn").GetString());
        Assert.Equal("pending", migrations[1].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, migrations[1].GetProperty("runOn").ValueKind);
        Assert.Equal(1, json.RootElement.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task StatusOnAnEmptyDatabaseCreatesNothing()
    {
        var db = await servers.CreateDatabaseAsync();

        var run = await MigratorHarness.RunCliAsync("status", "--connection", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1_initial-schema", run.Output);
        Assert.Null(await SchemaInspector.IndexDefinitionAsync(db, "pgmigrations_pkey"));
    }
}
