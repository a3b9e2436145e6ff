using Npgsql;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Schema;

/// <summary>The schema itself rejects bad rows, whatever code writes them: each case names the constraint that must fire.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConstraintTests(ServersFixture servers) : IAsyncLifetime
{
    private const string StakeKey = "stake_test1uqfu74w3wh4gfzu8m6e7j987h4lq9r3t7ef5gaw497uu85qsqfy27";
    private string _db = string.Empty;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateDatabaseAsync();
        var run = await MigratorHarness.RunCliAsync("up", "--connection", _db);
        Assert.Equal(0, run.ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnInvalidEmailIsRejectedByChkEmailFormat()
    {
        await AssertRejectedAsync("chk_email_format",
            "INSERT INTO players (anon_id, email) VALUES ('guest-1', 'not-an-email')");
    }

    [Fact]
    public async Task AScoreOfElevenIsRejectedByChkScore()
    {
        var player = await GuestAsync();
        await AssertRejectedAsync("chk_score", SessionSql(player, "'won'", 11));
    }

    [Fact]
    public async Task AStatusOfDrawIsRejectedByChkStatus()
    {
        var player = await GuestAsync();
        await AssertRejectedAsync("chk_status", SessionSql(player, "'draw'", 5));
    }

    [Fact]
    public async Task ACategoryEligibilityWithoutACategoryIsRejected()
    {
        var player = await GuestAsync();
        await AssertRejectedAsync("chk_eligibilities_category_required", $"""
            INSERT INTO eligibilities (type, player_id, anon_id, expires_at)
            VALUES ('category', '{player}', 'guest-1', now() + interval '25 minutes')
            """);
    }

    [Fact]
    public async Task ASecondActiveEligibilityForTheSameCategoryIsRejected()
    {
        var player = await GuestAsync();
        var grant = $"""
            INSERT INTO eligibilities (type, category_id, player_id, anon_id, expires_at)
            VALUES ('category', (SELECT id FROM categories WHERE slug = 'science'), '{player}', 'guest-1', now() + interval '25 minutes')
            """;
        await ExecuteAsync(grant);

        await AssertRejectedAsync("uq_eligibilities_active_category", grant);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM eligibilities"));
    }

    [Fact]
    public async Task ASecondMintForOneEligibilityIsRejected()
    {
        var player = await ExecuteScalarAsync<Guid>($"INSERT INTO players (stake_key) VALUES ('{StakeKey}') RETURNING id");
        var eligibility = await ExecuteScalarAsync<Guid>($"""
            INSERT INTO eligibilities (type, category_id, player_id, stake_key, expires_at)
            VALUES ('category', (SELECT id FROM categories WHERE slug = 'science'), '{player}', '{StakeKey}', now() + interval '1 hour')
            RETURNING id
            """);
        var catalog = """
            INSERT INTO nft_catalog (category_id, name, s3_art_key, s3_meta_key, tier)
            VALUES ((SELECT id FROM categories WHERE slug = 'science'), 'Atom #{0}', 'art/{0}.png', 'meta/{0}.json', 'category')
            RETURNING id
            """;
        var first = await ExecuteScalarAsync<Guid>(string.Format(System.Globalization.CultureInfo.InvariantCulture, catalog, 1));
        var second = await ExecuteScalarAsync<Guid>(string.Format(System.Globalization.CultureInfo.InvariantCulture, catalog, 2));
        string Mint(Guid item) =>
            $"INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key) VALUES ('{eligibility}', '{item}', '{player}', '{StakeKey}')";
        await ExecuteAsync(Mint(first));

        await AssertRejectedAsync("uq_mints_eligibility", Mint(second));
    }

    [Fact]
    public async Task APlayerNeedsAStakeKeyOrAnAnonymousId()
    {
        await AssertRejectedAsync("chk_players_identity", "INSERT INTO players (username) VALUES ('nobody')");
    }

    private static string SessionSql(Guid player, string status, int score) => $"""
        INSERT INTO sessions (player_id, anon_id, category_id, status, started_at, ended_at, score)
        VALUES ('{player}', 'guest-1', (SELECT id FROM categories WHERE slug = 'science'), {status},
                now() - interval '2 minutes', now(), {score})
        """;

    private Task<Guid> GuestAsync() =>
        ExecuteScalarAsync<Guid>("INSERT INTO players (anon_id) VALUES ('guest-1') RETURNING id");

    private async Task AssertRejectedAsync(string constraint, string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
        Assert.Equal(constraint, error.ConstraintName);
        Assert.StartsWith("23", error.SqlState, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ExecuteScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> ScalarAsync(string sql) => ExecuteScalarAsync<long>(sql);
}
