using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Stack;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;

namespace TriviaNft.Bench.Comparisons;

/// <summary>The daily snapshot's figures: the board's size, the top-up it needed (null: the leaderboard phase's rows sufficed), the rounds.</summary>
internal sealed record SnapshotFigures(int Rows, TimeSpan? TopUp, SideBySide Result);

/// <summary>
/// The daily leaderboard snapshot of the leaderboard phase's season: <see cref="ILeaderboardSnapshotStore.TakeAsync"/>
/// against psql running the store's two statements (<see cref="StoreSql"/>) in one READ COMMITTED transaction, as
/// the store does, through the same PgBouncer. Ours then psql, a few rounds, each side taking a day never taken
/// before (the whole board is inserted). Before each side the snapshots table is emptied and a checkpoint taken:
/// neither side inherits the other's rows, dead index pages or unflushed WAL.
/// </summary>
internal sealed class SnapshotComparison(ILeaderboardSnapshotStore store, LocalStack stack)
{
    private const string WarmUpSeason = "bench-snapshot-warmup";
    // Far from any real day, and one per side and round: a fresh day is a pure insert of the board.
    private static readonly DateOnly FirstDay = new(2100, 1, 1);

    public async Task<SnapshotFigures> RunAsync(int rows, int rounds, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(stack.AdminConnectionString());
        await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
        var topUp = await TopUpAsync(admin, rows, cancellationToken).ConfigureAwait(false);
        var shown = await Seeder.ScalarAsync<int>(admin, $"""
            SELECT count(*)::int FROM season_points sp JOIN players p ON p.stake_key = sp.stake_key AND p.username IS NOT NULL
            WHERE sp.season_id = '{LeaderboardSeed.SeasonId}'
            """, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  snapshot: {shown:N0} shown wallets{(topUp is { } t ? $" (topped up in {t.TotalSeconds:0.0} s)" : "")}; {rounds} rounds of ours then psql");

        var done = new List<PsqlRound>();
        // A worker vacuuming the table in the middle of one side only would tilt the ratio; the reset does its work.
        await Seeder.ExecuteAsync(admin, "ALTER TABLE leaderboard_snapshots SET (autovacuum_enabled = off)", cancellationToken).ConfigureAwait(false);
        try
        {
            // JIT and the store's path, on an empty season; it also puts the store's statements in pg_stat_statements.
            await Seeder.ExecuteAsync(admin, $"""
                INSERT INTO seasons (id, name, starts_at, ends_at, is_active)
                VALUES ('{WarmUpSeason}', 'Bench snapshot warm-up', now() - interval '120 days', now() - interval '30 days', false)
                ON CONFLICT DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
            await store.TakeAsync(WarmUpSeason, FirstDay.AddDays(-1), cancellationToken).ConfigureAwait(false);
            var unmatched = await SqlCopyCheck.UnmatchedAsync(stack.AdminConnectionString(), [StoreSql.SnapshotLock, StoreSql.Snapshot], cancellationToken)
                .ConfigureAwait(false);
            if (unmatched.Count > 0)
            {
                return new SnapshotFigures(shown, topUp, new SideBySide([], SqlCopyCheck.Describe(unmatched)));
            }

            for (var round = 1; round <= rounds; round++)
            {
                var oursDay = FirstDay.AddDays(2 * round);
                await ResetAsync(admin, cancellationToken).ConfigureAwait(false);
                var ours = await Side.RunAsync(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var taken = await store.TakeAsync(LeaderboardSeed.SeasonId, oursDay, cancellationToken).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    Check.That(taken.Rows == shown && taken.Written == shown && taken.Removed == 0, $"it took {taken.Rows}/{taken.Written}/{taken.Removed} lines of {shown}");
                    return elapsed;
                }).ConfigureAwait(false);

                await ResetAsync(admin, cancellationToken).ConfigureAwait(false);
                var psql = await Side.RunAsync(async () =>
                {
                    var run = await PsqlScript.RunAsync(stack, $"snapshot-{round}.sql", Statements(oursDay.AddDays(1)), cancellationToken).ConfigureAwait(false);
                    var counts = run.Rows.Count == 2 ? string.Join('|', run.Rows[1]) : "nothing";
                    Check.That(counts == $"{shown}|{shown}|0", $"its snapshot returned {counts}, not {shown}|{shown}|0");
                    return run;
                }).ConfigureAwait(false);

                // Each side is timed without the checks that follow its work.
                var line = $"round {round}: ours {ours.Describe(elapsed => elapsed)}, psql {psql.Describe(run => run.Statements)}";
                if (ours.Error is not null || psql.Error is not null)
                {
                    Console.WriteLine($"  snapshot FAILED, {line}");
                    return new SnapshotFigures(shown, topUp, new SideBySide(done, line));
                }

                done.Add(new PsqlRound(ours.Value, psql.Value!));
                Console.WriteLine($"  snapshot {line} ({done[^1].Ratio:0.00}×)");
            }

            return new SnapshotFigures(shown, topUp, new SideBySide(done, null));
        }
        catch (Exception ex) when (ex is TriviaNftDataException or NpgsqlException or InvalidOperationException)
        {
            // The preparation, not a side: the warm-up, the check, a reset.
            Console.WriteLine($"  snapshot FAILED: {ex.Message}");
            return new SnapshotFigures(shown, topUp, new SideBySide(done, ex.Message));
        }
        finally
        {
            // The bench's own database: nothing else takes snapshots. Emptied to give the disk back.
            await Seeder.ExecuteAsync(admin, "TRUNCATE leaderboard_snapshots", CancellationToken.None).ConfigureAwait(false);
            await Seeder.ExecuteAsync(admin, "ALTER TABLE leaderboard_snapshots RESET (autovacuum_enabled)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The leaderboard phase seeded <c>LeaderboardRows</c>; the same seed, idempotent, adds the rest when more are asked for.</summary>
    private async Task<TimeSpan?> TopUpAsync(NpgsqlConnection admin, int rows, CancellationToken cancellationToken)
    {
        var existing = await Seeder.ScalarAsync<int>(admin, $"SELECT count(*)::int FROM season_points WHERE season_id = '{LeaderboardSeed.SeasonId}'", cancellationToken)
            .ConfigureAwait(false);
        return existing >= rows ? null : await LeaderboardSeed.SeedAsync(stack.AdminConnectionString(), rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store's transaction, statement for statement, with the parameters as literals.</summary>
    private static string[] Statements(DateOnly day)
    {
        var literals = new Dictionary<string, string>
        {
            ["seasonId"] = PsqlScript.Literal(LeaderboardSeed.SeasonId, "text"),
            ["date"] = PsqlScript.Literal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date"),
        };
        return ["BEGIN ISOLATION LEVEL READ COMMITTED", PsqlScript.Bind(StoreSql.SnapshotLock, literals), StoreSql.SnapshotLimit, PsqlScript.Bind(StoreSql.Snapshot, literals), "COMMIT"];
    }

    private static async Task ResetAsync(NpgsqlConnection admin, CancellationToken cancellationToken)
    {
        await Seeder.ExecuteAsync(admin, "TRUNCATE leaderboard_snapshots", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(admin, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
    }
}
