using System.Globalization;
using System.Text;
using TriviaNft.Bench.Comparisons;

namespace TriviaNft.Bench.Report;

/// <summary>The sections of the comparisons against psql running the stores' own statements.</summary>
internal static partial class MarkdownReport
{
    private const string StoreSqlLink = "[StoreSql.cs](../bench/TriviaNft.Bench/Comparisons/StoreSql.cs)";

    private static void WriteSnapshot(StringBuilder md, BenchReport r)
    {
        var s = r.Snapshot;
        Line(md, $"");
        Line(md, $"## Daily leaderboard snapshot at {s.Rows:N0} rows: ours vs psql");
        Line(md, $"");
        Line(md, $"`ILeaderboardSnapshotStore.TakeAsync` (the day's advisory lock, then rank, upsert and removal in one statement, in one");
        Line(md, $"READ COMMITTED transaction) against `psql -f` running the same two statements in one transaction — the store's SQL, copied");
        Line(md, $"in {StoreSqlLink} and checked in this run against the text PostgreSQL received from the store");
        Line(md, $"(pg_stat_statements), parameters as literals — both through PgBouncer, where the data layer writes. The board: the");
        Line(md, $"leaderboard phase's season, {s.Rows:N0} shown wallets{(s.TopUp is { } t ? Invariant($" (topped up to that size here in {t.TotalSeconds:0.0} s)") : "")}. Ours then psql, each side");
        Line(md, $"taking a day never taken before (the whole board inserted); before each side the snapshots table is emptied and a checkpoint");
        Line(md, $"taken, and autovacuum is off on it for the phase, so both start from the same state.");
        WriteRounds(md, s.Result, PsqlScript.Command("snapshot-N.sql"));
    }

    private static void WritePurge(StringBuilder md, BenchReport r)
    {
        var p = r.Purge;
        Line(md, $"");
        Line(md, $"## Guest retention purge of {p.Guests:N0} guests: ours vs psql");
        Line(md, $"");
        Line(md, $"`IPrivacyStore.PurgeInactiveGuestsAsync` (`PostgresPrivacyStore`, batches of {p.BatchSize}: the oldest guests past the 30-day retention,");
        Line(md, $"locked SKIP LOCKED and deleted with their sessions by cascade, one transaction a batch; `MaxPurgeBatches` raised so one call");
        Line(md, $"finishes) against psql running the store's batch statement (copied in {StoreSqlLink}, checked as above)");
        Line(md, $"{p.Batches:N0} times — the batches the store runs, ⌊N ÷ {p.BatchSize}⌋ + 1, the last one short — each its own transaction (autocommit),");
        Line(md, $"both through PgBouncer. Ours sends BEGIN with the batch and COMMIT after it: two round trips a batch to psql's one.");
        Line(md, $"The purge deletes what it measures, so each side gets its own seeding: {p.Guests:N0} guests without a wallet, last seen 31–91 days ago,");
        Line(md, $"one session each, then VACUUM ANALYZE and a checkpoint ({p.Seed.TotalSeconds:0.0} s a side, median); autovacuum is off on players and sessions for");
        Line(md, $"the phase.{(p.Result.Rounds.Count == 1 && p.Guests >= 1_000_000 ? " One round at this size: the seeding of each side takes about as long as its purge." : "")}");
        WriteRounds(md, p.Result, PsqlScript.Command("purge-N.sql"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void WriteRounds(StringBuilder md, SideBySide result, string command)
    {
        Line(md, $"");
        if (result.Measured)
        {
            Line(md, $"| round | ours s | psql s, statements (`\\timing`) | psql s, whole process | ours ÷ psql |");
            Line(md, $"|---|---|---|---|---|");
            for (var i = 0; i < result.Rounds.Count; i++)
            {
                var round = result.Rounds[i];
                Line(md, $"| {i + 1} | {round.Ours.TotalSeconds:0.000} | {round.Psql.Statements.TotalSeconds:0.000} | {round.Psql.Process.TotalSeconds:0.000} | {round.Ratio:0.00}× |");
            }

            Line(md, $"| median | {result.MedianOurs.TotalSeconds:0.000} | {result.MedianPsql.TotalSeconds:0.000} | | **{result.MedianRatio:0.00}×** |");
            Line(md, $"");
            var spread = result.Rounds.Count > 1 ? Invariant($"{result.MinRatio:0.00}–{result.MaxRatio:0.00}× over {result.Rounds.Count} rounds") : "one round: no spread";
            Line(md, $"Ratio ours ÷ psql: **{result.MedianRatio:0.00}×**, the median of the rounds' ratios ({spread}; the median row gives each column's");
            Line(md, $"own median, so its times need not divide to it); the goal is ≤ 1.2× at 1 M. psql's time is the sum of its own");
            Line(md, $"`\\timing` of each statement: its start and connection (in the whole-process column) are left out, as ours runs on a warm pool.");
            Line(md, $"Command: `{command}`.");
        }

        if (result.Failure is not null)
        {
            Line(md, $"");
            Line(md, $"**Stopped{(result.Measured ? " after the rounds above" : "")}:** {result.Failure}");
        }
    }
}
