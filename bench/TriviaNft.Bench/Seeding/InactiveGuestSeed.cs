using System.Diagnostics;
using Npgsql;

namespace TriviaNft.Bench.Seeding;

/// <summary>
/// Guests for the retention purge: no stake key, last seen 31 to 91 days ago (past the 30-day retention; the
/// seeded game players were seen now and stay), one lost session each. Ids are random, as the players table
/// makes them, and last_seen_at is scattered over the insertion order, so the purge's oldest-first batches
/// visit the heap and the indexes as a real backlog does.
/// </summary>
internal static class InactiveGuestSeed
{
    /// <summary>Guests last seen before the retention, all of them ours: what the purge must delete.</summary>
    public const string CountSql = "SELECT count(*)::int FROM players WHERE stake_key IS NULL AND last_seen_at < now() - interval '30 days'";

    /// <summary>
    /// Seeds <paramref name="guests"/> guests and their sessions and leaves the tables as a side starts from: the
    /// previous purge's dead rows vacuumed away, statistics fresh, a checkpoint taken. Returns the time it took.
    /// </summary>
    public static async Task<TimeSpan> SeedAsync(NpgsqlConnection connection, int guests, Guid category, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // What a side that stopped half-way left (nothing otherwise; the sessions go by cascade).
        await Seeder.ExecuteAsync(connection, "DELETE FROM players WHERE stake_key IS NULL AND last_seen_at < now() - interval '30 days'", cancellationToken)
            .ConfigureAwait(false);
        // One VACUUM per command: PostgreSQL refuses it inside a multi-statement command.
        await Seeder.ExecuteAsync(connection, "VACUUM players", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, "VACUUM sessions", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"""
            WITH guest AS (
                INSERT INTO players (anon_id, last_seen_at, created_at)
                SELECT 'bench-purge-' || n, now() - interval '31 days' - ((n::bigint * 7919) % 86400) * interval '1 minute', now() - interval '120 days'
                FROM generate_series(1, {guests}) n
                RETURNING id, anon_id, last_seen_at
            )
            INSERT INTO sessions (player_id, anon_id, category_id, status, started_at, ended_at, score, total_ms)
            SELECT id, anon_id, '{category:D}', 'lost', last_seen_at - interval '3 minutes', last_seen_at - interval '1 minute', 4, 95000
            FROM guest
            """, cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, "VACUUM ANALYZE players", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, "VACUUM ANALYZE sessions", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
        var seeded = await Seeder.ScalarAsync<int>(connection, CountSql, cancellationToken).ConfigureAwait(false);
        return seeded == guests
            ? Stopwatch.GetElapsedTime(started)
            : throw new InvalidOperationException($"{seeded:N0} inactive guests after seeding {guests:N0}: something else left old guests behind.");
    }
}
