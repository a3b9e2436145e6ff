using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data.Nfts;

/// <summary>
/// A season whose expected order exercises every leaderboard key: each wallet ties the one before it on every
/// key up to one, and loses on that one (the last two differ only by stake key). Shuffled on insert, plus rows
/// that must never be ranked.
/// </summary>
internal static class TestLeaderboard
{
    private static readonly DateTime Early = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Late = Early.AddHours(1);

    /// <summary>Seeds <paramref name="seasonId"/> and returns the stake keys in their expected order.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(MigratedDatabase db, string seasonId)
    {
        var lastTwo = new[] { TestRows.StakeKey(), TestRows.StakeKey() }.Order(StringComparer.Ordinal).ToArray();
        var rows = new (string Key, int Points, int Nfts, int Perfect, int AvgMs, int Sessions, DateTime First)[]
        {
            (TestRows.StakeKey(), 60, 0, 0, 0, 0, Late),        // most points
            (TestRows.StakeKey(), 50, 3, 2, 900, 4, Late),      // ties on points; more NFTs
            (TestRows.StakeKey(), 50, 2, 5, 900, 4, Late),      // ties on points, NFTs; more perfect scores
            (TestRows.StakeKey(), 50, 2, 4, 100, 4, Late),      // ... faster average answer
            (TestRows.StakeKey(), 50, 2, 4, 200, 1, Late),      // ... fewer sessions
            (TestRows.StakeKey(), 50, 2, 4, 200, 2, Early),     // ... achieved first
            (lastTwo[0], 50, 2, 4, 200, 2, Late),               // ... identical: stake key decides
            (lastTwo[1], 50, 2, 4, 200, 2, Late),
        };
        foreach (var row in rows.OrderBy(_ => Random.Shared.Next()))
        {
            await db.PlayerAsync(row.Key);
            await db.SeasonPointsAsync(seasonId, row.Key, row.Points, row.Nfts, row.Perfect, row.AvgMs, row.Sessions, row.First);
        }

        // Never ranked: a wallet that is no player (a guest's), a player without a username, and another season's.
        await db.SeasonPointsAsync(seasonId, TestRows.StakeKey(), 1000);
        var nameless = TestRows.StakeKey();
        await db.PlayerAsync(nameless, username: string.Empty);
        await db.SeasonPointsAsync(seasonId, nameless, 1000);
        var elsewhere = TestRows.StakeKey();
        await db.PlayerAsync(elsewhere);
        await db.SeasonPointsAsync(await db.SeasonAsync("200 days", "-100 days"), elsewhere, 1000);
        return [.. rows.Select(r => r.Key)];
    }

    public static Task<string> NamelessAsync(MigratedDatabase db, string seasonId) =>
        db.ScalarAsync<string>("""
            SELECT sp.stake_key FROM season_points sp JOIN players p ON p.stake_key = sp.stake_key
            WHERE sp.season_id = $1 AND p.username IS NULL
            """, seasonId);

    public static Task<string> GuestAsync(MigratedDatabase db, string seasonId) =>
        db.ScalarAsync<string>("""
            SELECT sp.stake_key FROM season_points sp
            WHERE sp.season_id = $1 AND NOT EXISTS (SELECT 1 FROM players p WHERE p.stake_key = sp.stake_key)
            """, seasonId);
}
