using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data.Nfts;

// The prerequisite rows: players, categories, eligibilities, catalog items, NFTs, seasons, points, sessions.
internal static partial class TestRows
{
    public static Task<Guid> CategoryAsync(this MigratedDatabase db, string slug = "science") =>
        db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = $1", slug);

    public static async Task<Guid[]> CategoriesAsync(this MigratedDatabase db) =>
        [.. (await db.ScalarAsync<Guid[]>("SELECT array_agg(id ORDER BY display_order) FROM categories WHERE is_active"))];

    public static Task<Guid> NewCategoryAsync(this MigratedDatabase db, bool active = true)
    {
        var slug = "extra-" + Random("abcdefghijklmnopqrstuvwxyz", 10);
        return db.ScalarAsync<Guid>("INSERT INTO categories (name, slug, is_active, display_order) VALUES ($1, $1, $2, 10) RETURNING id", slug, active);
    }

    /// <summary>A wallet-connected player (with a username unless <paramref name="username"/> is empty).</summary>
    public static Task<Guid> PlayerAsync(this MigratedDatabase db, string? stakeKey, string? username = null, string? anonId = null, string? email = null) =>
        db.ScalarAsync<Guid>(
            "INSERT INTO players (stake_key, username, anon_id, email) VALUES ($1, $2, $3, $4) RETURNING id",
            (object?)stakeKey ?? DBNull.Value, username == string.Empty ? DBNull.Value : (object?)username ?? Username(),
            (object?)anonId ?? DBNull.Value, (object?)email ?? DBNull.Value);

    public static Task<Guid> EligibilityAsync(this MigratedDatabase db, Guid playerId, Guid? categoryId,
        string type = "category", string status = "active", string expiresIn = "1 hour", string? seasonId = null) =>
        db.ScalarAsync<Guid>("""
            INSERT INTO eligibilities (type, category_id, season_id, player_id, stake_key, anon_id, status, used_at, expires_at)
            SELECT $1, $2::uuid, $3::text, p.id, p.stake_key, CASE WHEN p.stake_key IS NULL THEN p.anon_id END, $4,
                   CASE WHEN $4 = 'used' THEN now() END, now() + $5::interval
            FROM players p WHERE p.id = $6
            RETURNING id
            """, type, (object?)categoryId ?? DBNull.Value, (object?)seasonId ?? DBNull.Value, status, expiresIn, playerId);

    public static async Task<Guid[]> CatalogAsync(this MigratedDatabase db, Guid? categoryId, string tier, int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await db.ScalarAsync<Guid>("""
                INSERT INTO nft_catalog (category_id, name, s3_art_key, s3_meta_key, ipfs_cid, tier, attributes)
                VALUES ($1::uuid, $2, 'art/' || $2, 'meta/' || $2, $3, $4, '{"rarity": "common"}')
                RETURNING id
                """, (object?)categoryId ?? DBNull.Value, "item-" + Random("abcdef0123456789", 12), "Qm" + Random("abcdef0123456789", 44), tier);
        }

        return ids;
    }

    /// <summary>An NFT held by <paramref name="stakeKey"/>; returns its fingerprint.</summary>
    public static async Task<string> NftAsync(this MigratedDatabase db, string stakeKey, Guid? categoryId,
        string tier = "category", string status = "confirmed", string mintedAgo = "1 day")
    {
        var fingerprint = Fingerprint();
        await db.ExecuteAsync("""
            INSERT INTO player_nfts (stake_key, policy_id, asset_fingerprint, token_name, source, category_id, tier, status, minted_at, burned_at)
            VALUES ($1, $2, $3, $4, 'mint', $5::uuid, $6, $7, now() - $8::interval, CASE WHEN $7 = 'burned' THEN now() END)
            """, stakeKey, PolicyId(), fingerprint, "token" + fingerprint[^8..], categoryId, tier, status, mintedAgo);
        return fingerprint;
    }

    public static Task SeasonPointsAsync(this MigratedDatabase db, string seasonId, string stakeKey, int points,
        int nftsMinted = 0, int perfectScores = 0, int avgAnswerMs = 0, int sessionsUsed = 0, DateTime? firstAchievedAt = null) =>
        db.ExecuteAsync("""
            INSERT INTO season_points (season_id, stake_key, points, nfts_minted, perfect_scores, avg_answer_ms, sessions_used, first_achieved_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, seasonId, stakeKey, points, nftsMinted, perfectScores, avgAnswerMs, sessionsUsed,
            firstAchievedAt ?? new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>An inactive season (the seeded winter-s1 stays the active one).</summary>
    public static async Task<string> SeasonAsync(this MigratedDatabase db, string startsAgo, string endsIn, int graceDays = 7)
    {
        var id = "test-" + Random("abcdefghijklmnopqrstuvwxyz", 8);
        await db.ExecuteAsync("""
            INSERT INTO seasons (id, name, starts_at, ends_at, grace_days, is_active)
            VALUES ($1, $1, now() - $2::interval, now() + $3::interval, $4, false)
            """, id, startsAgo, endsIn, graceDays);
        return id;
    }

    public static Task<Guid> SessionAsync(this MigratedDatabase db, Guid playerId, Guid categoryId, int score = 10) =>
        db.ScalarAsync<Guid>("""
            INSERT INTO sessions (player_id, stake_key, anon_id, category_id, status, started_at, ended_at, score, total_ms)
            SELECT p.id, p.stake_key, p.anon_id, $2, CASE WHEN $3 >= 6 THEN 'won' ELSE 'lost' END,
                   now() - interval '2 minutes', now() - interval '1 minute', $3, 42000
            FROM players p WHERE p.id = $1
            RETURNING id
            """, playerId, categoryId, score);
}
