using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Stack;
using TriviaNft.Data;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Privacy;

namespace TriviaNft.Bench.Comparisons;

/// <summary>The retention purge's figures: guests per side, the batches each side ran, one side's seeding (median), the rounds.</summary>
internal sealed record PurgeFigures(int Guests, int BatchSize, int Batches, TimeSpan Seed, SideBySide Result);

/// <summary>
/// The guest retention purge: <see cref="PostgresPrivacyStore.PurgeInactiveGuestsAsync"/> (default batch of 500,
/// enough batches allowed to finish) against psql running the store's batch statement (<see cref="StoreSql"/>) as
/// many times as the store does, each its own transaction (autocommit), through the same PgBouncer. The purge
/// deletes what it measures, so each side gets its own seeding: ours then psql, each from the same state.
/// </summary>
internal sealed class PurgeComparison(TriviaNftDatabase database, LocalStack stack)
{
    public async Task<PurgeFigures> RunAsync(int guests, int rounds, Guid category, CancellationToken cancellationToken)
    {
        var options = new PrivacyOptions { MaxPurgeBatches = (guests / PrivacyOptions.Default.PurgeBatchSize) + 2 };
        var store = new PostgresPrivacyStore(database, options);
        // The store stops at the first batch short of a full one: floor(N / size) + 1 batches, the last deleting the
        // remainder (nothing when N is a multiple). psql runs the same count, so both send the same statements.
        var batches = (guests / options.PurgeBatchSize) + 1;
        await using var admin = new NpgsqlConnection(stack.AdminConnectionString());
        await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  purge: {guests:N0} inactive guests with a session each, {batches:N0} batches of {options.PurgeBatchSize}; {rounds} round(s) of ours then psql, seeding before each side");

        var done = new List<PsqlRound>();
        var seeding = new List<TimeSpan>();
        // A worker vacuuming in the middle of one side only would tilt the ratio; the seeding vacuums between sides.
        await SetAutovacuumAsync(admin, "SET (autovacuum_enabled = off)", cancellationToken).ConfigureAwait(false);
        try
        {
            // JIT and the store's path with nothing to purge (the game's guests were seen now); it also puts the
            // store's statement in pg_stat_statements.
            var warm = await store.PurgeInactiveGuestsAsync(cancellationToken).ConfigureAwait(false);
            Check.That(warm.PlayersDeleted == 0, $"the warm-up purged {warm.PlayersDeleted} guests: the database held old guests before the seeding");
            var unmatched = await SqlCopyCheck.UnmatchedAsync(stack.AdminConnectionString(), [StoreSql.PurgeBatch], cancellationToken).ConfigureAwait(false);
            if (unmatched.Count > 0)
            {
                return Figures(SqlCopyCheck.Describe(unmatched));
            }

            for (var round = 1; round <= rounds; round++)
            {
                seeding.Add(await InactiveGuestSeed.SeedAsync(admin, guests, category, cancellationToken).ConfigureAwait(false));
                var ours = await Side.RunAsync(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var purged = await store.PurgeInactiveGuestsAsync(cancellationToken).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    Check.That(purged is { Complete: true } && purged.PlayersDeleted == guests && purged.SessionsDeleted == guests && purged.Batches == batches,
                        $"it purged {purged.PlayersDeleted} guests and {purged.SessionsDeleted} sessions in {purged.Batches} batches (complete: {purged.Complete})");
                    await ExpectNoneLeftAsync(admin, cancellationToken).ConfigureAwait(false);
                    return elapsed;
                }).ConfigureAwait(false);

                seeding.Add(await InactiveGuestSeed.SeedAsync(admin, guests, category, cancellationToken).ConfigureAwait(false));
                var psql = await Side.RunAsync(async () =>
                {
                    var run = await PsqlScript.RunAsync(stack, $"purge-{round}.sql", Statements(options, batches), cancellationToken).ConfigureAwait(false);
                    Check.That(run.Rows.Count == batches && run.Rows.All(r => r.Length == 2), $"it printed {run.Rows.Count} results for {batches} batches");
                    var players = run.Rows.Sum(r => int.Parse(r[0], CultureInfo.InvariantCulture));
                    var sessions = run.Rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture));
                    Check.That(players == guests && sessions == guests, $"it purged {players} guests and {sessions} sessions");
                    await ExpectNoneLeftAsync(admin, cancellationToken).ConfigureAwait(false);
                    return run;
                }).ConfigureAwait(false);

                // Each side is timed without the checks that follow its work.
                var line = $"round {round}: ours {ours.Describe(elapsed => elapsed)}, psql {psql.Describe(run => run.Statements)}";
                if (ours.Error is not null || psql.Error is not null)
                {
                    Console.WriteLine($"  purge FAILED, {line}");
                    return Figures(line);
                }

                done.Add(new PsqlRound(ours.Value, psql.Value!));
                Console.WriteLine($"  purge {line} ({done[^1].Ratio:0.00}×)");
            }

            return Figures(null);
        }
        catch (Exception ex) when (ex is TriviaNftDataException or NpgsqlException or InvalidOperationException)
        {
            // The preparation, not a side: the warm-up, the check, a seeding.
            Console.WriteLine($"  purge FAILED: {ex.Message}");
            return Figures(ex.Message);
        }
        finally
        {
            await SetAutovacuumAsync(admin, "RESET (autovacuum_enabled)", CancellationToken.None).ConfigureAwait(false);
        }

        PurgeFigures Figures(string? failure) => new(guests, options.PurgeBatchSize, batches,
            seeding.Count == 0 ? TimeSpan.Zero : seeding.Order().ElementAt(seeding.Count / 2), new SideBySide(done, failure));
    }

    /// <summary>The store's batch, <paramref name="batches"/> times, with its parameters as literals: the store's cutoff as of now.</summary>
    private static string[] Statements(PrivacyOptions options, int batches)
    {
        var cutoff = DateTimeOffset.UtcNow - options.GuestRetention;
        var literals = new Dictionary<string, string>
        {
            ["cutoff"] = PsqlScript.Literal(cutoff.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture), "timestamptz"),
            ["batchSize"] = options.PurgeBatchSize.ToString(CultureInfo.InvariantCulture),
        };
        var batch = PsqlScript.Bind(StoreSql.PurgeBatch, literals);
        return [.. Enumerable.Repeat(batch, batches)];
    }

    private static async Task ExpectNoneLeftAsync(NpgsqlConnection admin, CancellationToken cancellationToken)
    {
        var left = await Seeder.ScalarAsync<int>(admin, InactiveGuestSeed.CountSql, cancellationToken).ConfigureAwait(false);
        Check.That(left == 0, $"{left} inactive guests were left");
    }

    private static async Task SetAutovacuumAsync(NpgsqlConnection admin, string setting, CancellationToken cancellationToken)
    {
        await Seeder.ExecuteAsync(admin, $"ALTER TABLE players {setting}", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(admin, $"ALTER TABLE sessions {setting}", cancellationToken).ConfigureAwait(false);
    }
}
