using System.Diagnostics;
using Npgsql;

namespace TriviaNft.Bench.Seeding;

/// <summary>What the workload plays with: the active categories and how many players of each kind exist.</summary>
internal sealed record SeedResult(IReadOnlyList<Guid> Categories, int Questions, int CatalogItems, int PlayersPerKind, TimeSpan Elapsed);

/// <summary>
/// Seeds the game's data with set-based SQL (generate_series): questions for every active category, an NFT
/// catalog, guests and wallet-connected players with usernames. Idempotent (ON CONFLICT DO NOTHING), so the
/// live workload can seed the AppHost's database at every start.
/// </summary>
internal static class Seeder
{
    public static async Task<SeedResult> SeedAsync(
        NpgsqlDataSource database, int questionsPerCategory, int playersPerKind, bool moveSeasonAroundNow, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (moveSeasonAroundNow)
        {
            // Standalone runs own their database: the seeded season runs around now, so connected players earn points.
            await ExecuteAsync(connection, """
                UPDATE seasons SET starts_at = now() - interval '30 days', ends_at = now() + interval '60 days' WHERE id = 'winter-s1'
                """, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, $"""
            INSERT INTO questions (category_id, text, options, correct_index, source, difficulty, hash)
            SELECT c.id, 'Bench question ' || n || ' of ' || c.name || '?',
                   jsonb_build_array('Option A ' || n, 'Option B ' || n, 'Option C ' || n, 'Option D ' || n),
                   n % 4, 'manual', (ARRAY['easy', 'medium', 'hard'])[1 + n % 3],
                   encode(sha256(convert_to('bench:' || c.slug || ':' || n, 'UTF8')), 'hex')
            FROM categories c CROSS JOIN generate_series(1, {questionsPerCategory}) n
            WHERE c.is_active
            ON CONFLICT (hash) DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            INSERT INTO nft_catalog (category_id, name, s3_art_key, s3_meta_key, tier, attributes)
            SELECT c.id, 'Bench ' || c.name || ' #' || n, 'bench/art/' || c.slug || '/' || n || '.png',
                   'bench/meta/' || c.slug || '/' || n || '.json', 'category', jsonb_build_object('edition', n)
            FROM categories c CROSS JOIN generate_series(1, 50) n
            WHERE c.is_active AND NOT EXISTS (SELECT 1 FROM nft_catalog x WHERE x.name = 'Bench ' || c.name || ' #1')
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            INSERT INTO players (id, anon_id)
            SELECT {BenchPlayers.IdSql(BenchPlayers.GuestIdPrefix, "n")}, 'bench-guest-' || n
            FROM generate_series(1, {playersPerKind}) n
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            INSERT INTO players (id, stake_key, username)
            SELECT {BenchPlayers.IdSql(BenchPlayers.ConnectedIdPrefix, "n")}, {StakeKeySql("bench", "n")}, 'bench_' || n
            FROM generate_series(1, {playersPerKind}) n
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "ANALYZE", cancellationToken).ConfigureAwait(false);

        var categories = new List<Guid>();
        await using (var command = new NpgsqlCommand("SELECT id FROM categories WHERE is_active ORDER BY display_order", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                categories.Add(reader.GetGuid(0));
            }
        }

        var questions = await CountAsync(connection, "questions", cancellationToken).ConfigureAwait(false);
        var catalog = await CountAsync(connection, "nft_catalog", cancellationToken).ConfigureAwait(false);
        return new SeedResult(categories, questions, catalog, playersPerKind, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A valid stake key (stake_test1 + 53 characters of [0-9a-z]) for player <paramref name="number"/> (SQL).</summary>
    public static string StakeKeySql(string tag, string number) => $"'stake_test1{tag}' || lpad({number}::text, {53 - tag.Length}, '0')";

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*)::int FROM {table}", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
