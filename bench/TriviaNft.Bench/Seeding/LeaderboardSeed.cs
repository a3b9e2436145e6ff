using System.Diagnostics;
using Npgsql;

namespace TriviaNft.Bench.Seeding;

/// <summary>
/// A season of <c>season_points</c> rows for the leaderboard comparison, each the standing of a player with a
/// username (only those are shown), with spread-out points and many ties on points so the full §9 order matters.
/// The season is not active, so the game workload never writes to it.
/// </summary>
internal static class LeaderboardSeed
{
    public const string SeasonId = "bench-leaderboard";

    public static string StakeKey(long n) => "stake_test1lb" + n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(51, '0');

    public static async Task<TimeSpan> SeedAsync(string connectionString, int rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"""
            INSERT INTO seasons (id, name, starts_at, ends_at, is_active)
            VALUES ('{SeasonId}', 'Bench leaderboard', now() - interval '120 days', now() - interval '30 days', false)
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"""
            INSERT INTO players (stake_key, username)
            SELECT {Seeder.StakeKeySql("lb", "n")}, 'lb_' || n FROM generate_series(1, {rows}) n
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"""
            INSERT INTO season_points (season_id, stake_key, points, nfts_minted, perfect_scores, avg_answer_ms, sessions_used, first_achieved_at)
            SELECT '{SeasonId}', {Seeder.StakeKeySql("lb", "n")}, (n::bigint * 7919 % 5003)::int, n % 3, n % 7, 1000 + n % 9000, 1 + n % 50,
                   now() - interval '31 days' - (n % 86400) * interval '1 minute'
            FROM generate_series(1, {rows}) n
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        // One VACUUM per command: PostgreSQL refuses it inside a multi-statement command.
        await Seeder.ExecuteAsync(connection, "VACUUM ANALYZE players", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, "VACUUM ANALYZE season_points", cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }
}
