using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>Players, sessions and mints written straight into a test's database for the category boards.</summary>
internal static class CategoryDataSql
{
    private const string Bech32 = "023456789acdefghjklmnpqrstuvwxyz";

    public sealed record Wallet(Guid PlayerId, string StakeKey, bool Named);

    public static async Task<Wallet> InsertPlayerAsync(MigratedDatabase db, string stakeKey, bool named)
    {
        var id = await db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id",
            stakeKey, named ? "p_" + Guid.NewGuid().ToString("N")[..20] : DBNull.Value);
        return new Wallet(id, stakeKey, named);
    }

    public static Task<int> InsertSessionAsync(
        MigratedDatabase db, Wallet wallet, Guid categoryId, int score, int totalMs, DateTimeOffset endedAt, bool forfeit = false) =>
        db.ScalarAsync<int>("""
            INSERT INTO sessions (player_id, stake_key, category_id, status, started_at, ended_at, score, total_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING 1
            """, wallet.PlayerId, wallet.StakeKey, categoryId, forfeit ? "forfeit" : score >= 6 ? "won" : "lost", endedAt.AddMinutes(-2), endedAt, score, totalMs);

    public static async Task InsertGuestSessionAsync(MigratedDatabase db, Guid categoryId, DateTimeOffset endedAt)
    {
        var guest = await db.ScalarAsync<Guid>("INSERT INTO players (anon_id) VALUES ($1) RETURNING id", Guid.NewGuid().ToString("N"));
        await db.ScalarAsync<int>("""
            INSERT INTO sessions (player_id, anon_id, category_id, status, started_at, ended_at, score, total_ms)
            SELECT id, anon_id, $2, 'won', $3, $4, 10, 5000 FROM players WHERE id = $1 RETURNING 1
            """, guest, categoryId, endedAt.AddMinutes(-2), endedAt);
    }

    /// <summary>A mint of a catalog item of <paramref name="categoryId"/>: confirmed at <paramref name="confirmedAt"/>, or pending when null.</summary>
    public static Task<int> InsertMintAsync(MigratedDatabase db, Wallet wallet, Guid categoryId, DateTimeOffset? confirmedAt)
    {
        var random = Random.Shared;
        var fingerprint = "asset1" + new string([.. Enumerable.Range(0, 38).Select(_ => Bech32[random.Next(Bech32.Length)])]);
        return db.ScalarAsync<int>("""
            WITH e AS (
                INSERT INTO eligibilities (type, category_id, player_id, stake_key, status, used_at, expires_at)
                VALUES ('category', $1, $2, $3, 'used', now(), now() + interval '1 hour') RETURNING id),
            c AS (
                INSERT INTO nft_catalog (category_id, name, s3_art_key, s3_meta_key, tier)
                VALUES ($1, 'Test NFT', 'art.png', 'meta.json', 'category') RETURNING id)
            INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, status, tx_hash, policy_id, asset_fingerprint, token_name, confirmed_at)
            SELECT e.id, c.id, $2, $3, CASE WHEN $4::timestamptz IS NULL THEN 'pending' ELSE 'confirmed' END,
                   $5, $6, $7, 'token', $4::timestamptz
            FROM e, c RETURNING 1
            """, categoryId, wallet.PlayerId, wallet.StakeKey, (object?)confirmedAt ?? DBNull.Value,
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..24],
            fingerprint);
    }
}
