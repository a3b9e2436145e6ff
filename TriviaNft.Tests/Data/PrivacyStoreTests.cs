using System.Text.Json;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Export and erasure of one player's data (right of access, right to deletion).</summary>
[Collection(ServersCollection.Name)]
public sealed class PrivacyStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly string _stakeKey = TestRows.StakeKey();
    private readonly string _anonId = "guest-" + TestRows.Username();
    private readonly string _username = TestRows.Username();
    private readonly string _email = TestRows.Username() + "@example.org";
    private MigratedDatabase _db = null!;
    private PostgresPrivacyStore _store = null!;
    private Guid _player;
    private Guid _moderator;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresPrivacyStore(_db.Data);
        _player = await _db.PlayerAsync(_stakeKey, _username, _anonId, _email);
        _moderator = await _db.PlayerAsync(TestRows.StakeKey());
        await SeedEverythingAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheExportHoldsThePlayersRowsOfEveryTable()
    {
        var export = await _store.ExportAsync(_player);

        var player = export.GetProperty("player");
        Assert.Equal((_stakeKey, _anonId, _username, _email),
            (player.GetProperty("stake_key").GetString(), player.GetProperty("anon_id").GetString(), player.GetProperty("username").GetString(), player.GetProperty("email").GetString()));
        Assert.Equal(2, Count(export, "sessions"));
        Assert.Equal(2, Count(export, "eligibilities"));
        Assert.Equal(1, Count(export, "mints"));
        Assert.Equal(1, Count(export, "question_flags"));
        Assert.Equal(1, Count(export, "handled_question_flags"));
        Assert.Equal(4, Count(export, "player_nfts"));
        Assert.Equal(1, Count(export, "forge_operations"));
        Assert.Equal(2, Count(export, "season_points"));
        Assert.Equal(1, Count(export, "leaderboard_snapshots"));
        Assert.Equal(_stakeKey, export.GetProperty("mints")[0].GetProperty("stake_key").GetString());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("sessions")[0].GetProperty("questions").ValueKind);
    }

    [Fact]
    public async Task ErasureLeavesNoPersonalDataAnywhereAndEveryReferenceValid()
    {
        var snapshotLines = await _db.CountAsync("leaderboard_snapshots");

        var result = await _store.EraseAsync(_player);

        Assert.True(result.PlayerFound);
        Assert.Equal((1, 2, 4, 1), (result.Rows["players"], result.Rows["sessions"], result.Rows["player_nfts"], result.Rows["leaderboard_snapshots"]));
        foreach (var table in TestRows.Tables)
        {
            foreach (var value in new[] { _stakeKey, _anonId, _username, _email, _player.ToString() })
            {
                Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE strpos(t::text, $1) > 0", value));
            }
        }

        // What others rely on stays: the moderator's flag (handled_by cleared), the consumed catalog item, the
        // day's ranking with its anonymous line, the other wallet's standing.
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM question_flags WHERE handled AND handled_by IS NULL AND player_id = $1", _moderator));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM nft_catalog WHERE is_minted"));
        Assert.Equal(snapshotLines, await _db.CountAsync("leaderboard_snapshots"));
        Assert.Equal("1,2", await _db.ScalarAsync<string>("SELECT string_agg(rank::text, ',' ORDER BY rank) FROM leaderboard_snapshots"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM leaderboard_snapshots WHERE stake_key ~ '^stake_test1erasedi[0-9a-f]{46}$'"));
        Assert.Equal(1L, await _db.CountAsync("season_points"));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.ExportAsync(_player));
    }

    [Fact]
    public async Task ErasingTwiceFindsNothingTheSecondTime()
    {
        await _store.EraseAsync(_player);

        var again = await _db.WritesNothingAsync(() => _store.EraseAsync(_player));

        Assert.False(again.PlayerFound);
        Assert.Empty(again.Rows);
    }

    [Fact]
    public async Task AGuestWithoutAWalletIsExportedAndErasedToo()
    {
        var anonId = "guest-" + TestRows.Username();
        var guest = await _db.PlayerAsync(null, username: string.Empty, anonId: anonId);
        await _db.SessionAsync(guest, await _db.CategoryAsync(), score: 3);

        var export = await _store.ExportAsync(guest);
        var erased = await _store.EraseAsync(guest);

        Assert.Equal((1, 0), (Count(export, "sessions"), Count(export, "player_nfts")));
        Assert.Equal((1, 1, 0), (erased.Rows["players"], erased.Rows["sessions"], erased.Rows["leaderboard_snapshots"]));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE anon_id = $1", anonId));
        Assert.Equal(_stakeKey, await _db.ScalarAsync<string>("SELECT stake_key FROM players WHERE id = $1", _player));
    }

    [Fact]
    public async Task AMalformedIdIsAValidationErrorThatWritesNothing()
    {
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.EraseAsync(Guid.Empty));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ExportAsync(Guid.Empty));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.ExportAsync(Guid.NewGuid()));
    }

    private static int Count(JsonElement export, string table) => export.GetProperty(table).GetArrayLength();

    private async Task SeedEverythingAsync()
    {
        var science = await _db.CategoryAsync();
        var question = await _db.ScalarAsync<Guid>("""
            INSERT INTO questions (category_id, text, options, correct_index, hash)
            VALUES ($1, 'Which planet is largest?', '["Mars", "Jupiter", "Venus", "Earth"]', 1, $2) RETURNING id
            """, science, TestRows.TxHash());
        await _db.ExecuteAsync("INSERT INTO question_flags (question_id, player_id, reason) VALUES ($1, $2, 'typo')", question, _player);
        await _db.ExecuteAsync(
            "INSERT INTO question_flags (question_id, player_id, reason, handled, handled_by, handled_at) VALUES ($1, $2, 'wrong', true, $3, now())",
            question, _moderator, _player);
        var session = await _db.SessionAsync(_player, science);
        await _db.SessionAsync(_player, science, score: 4);

        // A confirmed mint (eligibility granted by the perfect session), and an active eligibility.
        await _db.CatalogAsync(science, "category", 1);
        var eligibility = await _db.EligibilityAsync(_player, science);
        await _db.ExecuteAsync("UPDATE eligibilities SET session_id = $1 WHERE id = $2", session, eligibility);
        var mints = new PostgresMintStore(_db.Data);
        var mint = await mints.CreatePendingAsync(eligibility, _player);
        await mints.ConfirmAsync(mint.Id, MintStoreTests.Confirmation());
        await _db.EligibilityAsync(_player, await _db.CategoryAsync("history"));

        // Three more NFTs in a pending forge, points in this season and a past one, a snapshot line.
        var inputs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            inputs.Add(await _db.NftAsync(_stakeKey, science));
        }

        await new PostgresForgeStore(_db.Data, new ForgingOptions { CategoryInputs = 3 })
            .CreateAsync(new ForgeRequest { Type = ForgeType.Category, StakeKey = _stakeKey, CategoryId = science, InputFingerprints = inputs });
        await _db.ExecuteAsync("UPDATE season_points SET points = 120 WHERE stake_key = $1", _stakeKey);
        await _db.SeasonPointsAsync(await _db.SeasonAsync("200 days", "-100 days"), _stakeKey, 80);
        var moderatorKey = await _db.ScalarAsync<string>("SELECT stake_key FROM players WHERE id = $1", _moderator);
        await _db.SeasonPointsAsync("winter-s1", moderatorKey, 50);
        await new PostgresLeaderboardSnapshotStore(_db.Data).TakeAsync("winter-s1", new DateOnly(2026, 12, 20));
    }
}
