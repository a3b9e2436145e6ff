using System.Diagnostics;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Data;
using TriviaNft.Tests.Infrastructure;
using TriviaNft.Tests.Redis;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Backup;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh round trip on the real servers: a season of play written through
/// the stores, backed up, the database dropped and Redis flushed, restored, and compared table by table.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BackupRestoreTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Season = "winter-s1";
    private const int Players = 60;
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("trivianft-backup-").FullName;
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        await GameData.ActiveSeasonAroundNowAsync(_db);
        // As the AppHost's trivianft database has it (the dump carries it, a --clean restore drops and recreates it).
        await _db.ScalarAsync<int>("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT 1");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ARestoreAfterDroppingTheDatabaseAndFlushingRedisGivesBackEveryRowTheHistoryAndTheLeaderboards()
    {
        var categories = await SeedSeasonOfPlayAsync();
        var multiplexer = await RedisConnections.ForAsync(servers);
        var rebuilder = new RedisLeaderboardRebuilder(multiplexer, _db.Data);
        var store = new RedisLeaderboardStore(multiplexer);
        var boards = categories.Select(c => LeaderboardId.Category(Season, c)).Prepend(LeaderboardId.Global(Season)).ToList();
        foreach (var board in boards)
        {
            await rebuilder.RebuildAsync(board);
        }

        var before = await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString);
        var pagesBefore = await PagesAsync(store, boards);
        var dump = Path.Combine(_directory, "trivianft.dump");

        var backup = await BackupScripts.RunAsync("backup.sh", ["--port", $"{servers.PostgresPort}", "--dbname", _db.Name, "--out", dump],
            BackupScripts.PostgresEnvironment(servers));
        Assert.Equal(0, backup.ExitCode);
        await DropDatabaseAsync();
        Assert.Equal(3, await RedisConnections.FlushAllPrimariesAsync(multiplexer));
        Assert.Equal(0, await store.CountAsync(boards[0]));
        var restore = await BackupScripts.RunAsync("restore.sh",
            [dump, "--port", $"{servers.PostgresPort}", "--dbname", _db.Name, "--redis-port", $"{servers.RedisPorts[0]}"],
            new Dictionary<string, string>(BackupScripts.PostgresEnvironment(servers))
            {
                ["REDISCLI_AUTH"] = servers.RedisPassword,
                ["TRIVIANFT_MIGRATOR"] = BackupScripts.MigratorCommand,
            });

        Assert.True(restore.ExitCode == 0, restore.All);
        var after = await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString);
        Assert.Equal(before.Tables, after.Tables);
        Assert.Equal(before.Schema, after.Schema);
        Assert.Equal(before.Migrations, after.Migrations);
        Assert.Equal(["1_initial-schema", "2_reference-data"], after.Migrations.Select(m => m.Split(' ')[1]));
        Assert.Contains("extension pg_stat_statements", after.Schema);
        Assert.Equal(Players, after.RowsOf("season_points"));
        Assert.Equal(Players * 3, after.RowsOf("sessions"));
        Assert.True(after.RowsOf("eligibilities") > 0);
        Assert.Equal(pagesBefore, await PagesAsync(store, boards));
        Assert.Equal(await LeaderboardSqlData.SqlOrderAsync(_db, Season), (await store.GetPageAsync(boards[0], 1, 1000)).Select(p => p.Standing));
        foreach (var board in boards)
        {
            Assert.True((await rebuilder.CheckAsync(board)).IsMatch, board.ToString());
        }

        Assert.DoesNotContain(servers.PostgresPassword, backup.All + restore.All);
        output.WriteLine(backup.Output);
        output.WriteLine(restore.Output);
        output.WriteLine($"tables {after.Tables.Count}, rows {after.Tables.Sum(t => t.Rows)}, dump {new FileInfo(dump).Length} bytes");
    }

    [Fact]
    public async Task ARestoreOverTheLiveDatabaseUndoesEverythingWrittenSinceTheBackup()
    {
        await SeedSeasonOfPlayAsync();
        var dump = Path.Combine(_directory, "live.dump");
        var environment = BackupScripts.PostgresEnvironment(servers);
        Assert.Equal(0, (await BackupScripts.RunAsync("backup.sh", ["--port", $"{servers.PostgresPort}", "--dbname", _db.Name, "--out", dump], environment)).ExitCode);
        var before = await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString);

        // Written after the backup, through the proxy's pools that stay open across the restore.
        var players = new PostgresPlayerStore(_db.Data);
        var guest = await players.GetOrCreateGuestAsync(TestData.AnonId());
        await new PostgresSessionStore(_db.Data).CompleteAsync(GameData.Completion(guest.Id, (await new PostgresCategoryStore(_db.Data).GetBySlugAsync("science")).Id, 10));
        await _db.ScalarAsync<int>("WITH gone AS (DELETE FROM eligibilities RETURNING 1) SELECT count(*)::int FROM gone");
        Assert.NotEqual(before.Tables, (await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString)).Tables);

        var restore = await BackupScripts.RunAsync("restore.sh", [dump, "--port", $"{servers.PostgresPort}", "--dbname", _db.Name], environment);

        Assert.True(restore.ExitCode == 0, restore.All);
        var after = await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString);
        Assert.Equal(before.Tables, after.Tables);
        Assert.Equal(before.Schema, after.Schema);
        Assert.Equal(before.Migrations, after.Migrations);
        Assert.Contains("redis: not touched", restore.Output);
        // The guest of after the backup is gone, as the game's own pools (through the proxy) see it.
        await Assert.ThrowsAsync<DataNotFoundException>(() => players.GetByIdAsync(guest.Id));
    }

    [Fact]
    public async Task TheBackupFindsTheWritersPortAndPasswordInTheStateFolderAsTheAppHostLeavesIt()
    {
        // The two files the AppHost keeps: the writer's postmaster.pid (its 4th line is the port) and pgpass.
        var state = System.IO.Directory.CreateDirectory(Path.Combine(_directory, "state")).FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(state, "postgres"));
        await File.WriteAllLinesAsync(Path.Combine(state, "postgres", "postmaster.pid"),
            ["12345", Path.Combine(state, "postgres"), "1764000000", $"{servers.PostgresPort}", "/var/run/postgresql", "127.0.0.1"]);
        await TriviaNft.LocalServers.PostgresServer.WritePassFileAsync(Path.Combine(state, "pgpass"), servers.PostgresPassword);
        var dump = Path.Combine(_directory, "found.dump");

        var backup = await BackupScripts.RunAsync("backup.sh", ["--state", state, "--dbname", _db.Name, "--out", dump], new Dictionary<string, string>());

        Assert.True(backup.ExitCode == 0, backup.All);
        Assert.Contains($"127.0.0.1:{servers.PostgresPort}", backup.Output);
        Assert.True(new FileInfo(dump).Length > 0);
    }

    [Fact]
    public async Task ARestoreOfAFileThatIsNoBackupFailsBeforeTouchingTheDatabase()
    {
        await SeedSeasonOfPlayAsync();
        var before = await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString);
        var notABackup = Path.Combine(_directory, "notes.dump");
        await File.WriteAllTextAsync(notABackup, "DROP TABLE players;");

        var restore = await BackupScripts.RunAsync("restore.sh", [notABackup, "--port", $"{servers.PostgresPort}", "--dbname", _db.Name],
            BackupScripts.PostgresEnvironment(servers));

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Equal(before.Tables, (await DatabaseFingerprint.ReadAsync(_db.DirectConnectionString)).Tables);
    }

    [Fact]
    public async Task WithoutAPortOrARunningWriterTheBackupSaysWhatIsMissing()
    {
        var backup = await BackupScripts.RunAsync("backup.sh", ["--state", Path.Combine(_directory, "nowhere")], new Dictionary<string, string>());

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("postmaster.pid", backup.Error);
        Assert.Contains("--port", backup.Error);
    }

    // A season of play: 60 wallets (48 with a username, so on the boards), 3 sessions each in two categories,
    // perfect sessions (eligibilities), forfeits and losses; written through the stores as the game does.
    private async Task<List<Guid>> SeedSeasonOfPlayAsync()
    {
        var players = new PostgresPlayerStore(_db.Data);
        var sessions = new PostgresSessionStore(_db.Data);
        var categoryStore = new PostgresCategoryStore(_db.Data);
        List<Guid> categories = [(await categoryStore.GetBySlugAsync("science")).Id, (await categoryStore.GetBySlugAsync("history")).Id];
        var random = new Random(9);
        var now = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Players; i++)
        {
            var guest = await players.GetOrCreateGuestAsync(TestData.AnonId());
            var player = (await players.ConnectWalletAsync(guest.Id, TestData.StakeKey())).Player;
            if (i % 5 != 0)
            {
                await players.UpdateProfileAsync(player.Id, TestData.Username(), email: null);
            }

            for (var s = 0; s < 3; s++)
            {
                var correct = random.Next(0, 11);
                var forfeit = correct < 3 && random.Next(2) == 0;
                await sessions.CompleteAsync(GameData.Completion(player.Id, categories[(i + s) % 2], correct,
                    elapsedMs: random.Next(800, 9_000), forfeit: forfeit, served: forfeit ? 5 : 10,
                    endedAt: now.AddMinutes(-random.Next(10, 20_000))));
            }
        }

        output.WriteLine($"seeded {Players} players, {Players * 3} sessions in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        return categories;
    }

    private async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(servers.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{_db.Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<LeaderboardPosition>> PagesAsync(RedisLeaderboardStore store, IEnumerable<LeaderboardId> boards)
    {
        var pages = new List<LeaderboardPosition>();
        foreach (var board in boards)
        {
            pages.AddRange(await store.GetPageAsync(board, 1, 1000));
        }

        return pages;
    }
}
