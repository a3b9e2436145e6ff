namespace TriviaNft.Bench.Comparisons;

/// <summary>
/// The data layer's statements as the psql side of the snapshot and purge comparisons runs them. The stores keep
/// their SQL in method-local constants (and <c>LeaderboardSql</c>, which the snapshot interpolates, is internal),
/// so the bench cannot build its scripts from the same constants: these are faithful copies — the same text, the
/// same <c>@name</c> parameters, <c>LeaderboardSql.Shown</c> and <c>.Order</c> written out. <see cref="SqlCopyCheck"/>
/// compares them with what PostgreSQL received from the stores in the same run, so a change in a store stops
/// the comparison instead of timing different work.
/// </summary>
internal static class StoreSql
{
    /// <summary>
    /// <c>PostgresLeaderboardSnapshotStore.TakeAsync</c>, first statement: the day's transaction-scoped lock and
    /// the season's existence. Parameters: <c>seasonId</c> (text), <c>date</c> (date).
    /// </summary>
    public const string SnapshotLock = """
        SELECT pg_advisory_xact_lock(hashtextextended('leaderboard_snapshots/' || @seasonId || '/' || @date::text, 0)),
               EXISTS (SELECT 1 FROM seasons WHERE id = @seasonId)
        """;

    /// <summary>
    /// <c>PostgresLeaderboardSnapshotStore.TakeAsync</c>, between the two statements: the snapshot's own statement
    /// limit for this transaction (a million-wallet season takes longer than the proxy's 30 s rule).
    /// </summary>
    public const string SnapshotLimit = "SET LOCAL statement_timeout = '600s'";

    /// <summary>
    /// <c>PostgresLeaderboardSnapshotStore.TakeAsync</c>, third statement, in the same transaction: rank,
    /// upsert and removal in one statement. Parameters: <c>seasonId</c> (text), <c>date</c> (date).
    /// </summary>
    public const string Snapshot = """
        WITH ranked AS (
            SELECT row_number() OVER (ORDER BY sp.points DESC, sp.nfts_minted DESC, sp.perfect_scores DESC, sp.avg_answer_ms ASC, sp.sessions_used ASC,
        sp.first_achieved_at ASC, sp.stake_key COLLATE "C" ASC) AS rank,
                   sp.stake_key, sp.points, sp.nfts_minted, sp.perfect_scores, sp.avg_answer_ms
            FROM season_points sp JOIN players p ON p.stake_key = sp.stake_key AND p.username IS NOT NULL
            WHERE sp.season_id = @seasonId
        ), written AS (
            INSERT INTO leaderboard_snapshots AS ls
                (season_id, snapshot_date, stake_key, rank, points, nfts_minted, perfect_scores, avg_answer_ms)
            SELECT @seasonId, @date, stake_key, rank, points, nfts_minted, perfect_scores, avg_answer_ms FROM ranked
            ON CONFLICT (season_id, snapshot_date, stake_key) DO UPDATE SET
                rank = EXCLUDED.rank, points = EXCLUDED.points, nfts_minted = EXCLUDED.nfts_minted,
                perfect_scores = EXCLUDED.perfect_scores, avg_answer_ms = EXCLUDED.avg_answer_ms
            WHERE (ls.rank, ls.points, ls.nfts_minted, ls.perfect_scores, ls.avg_answer_ms)
                  IS DISTINCT FROM (EXCLUDED.rank, EXCLUDED.points, EXCLUDED.nfts_minted, EXCLUDED.perfect_scores, EXCLUDED.avg_answer_ms)
            RETURNING 1
        ), removed AS (
            DELETE FROM leaderboard_snapshots ls
            WHERE ls.season_id = @seasonId AND ls.snapshot_date = @date
              AND NOT EXISTS (SELECT 1 FROM ranked r WHERE r.stake_key = ls.stake_key)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM ranked)::int, (SELECT count(*) FROM written)::int, (SELECT count(*) FROM removed)::int
        """;

    /// <summary>
    /// <c>PostgresPrivacyStore.PurgeInactiveGuestsAsync</c>: one batch, in a transaction of its own. Parameters:
    /// <c>cutoff</c> (timestamptz), <c>batchSize</c> (integer).
    /// </summary>
    public const string PurgeBatch = """
        WITH doomed AS (
            SELECT id FROM players
            WHERE stake_key IS NULL AND last_seen_at < @cutoff
            ORDER BY last_seen_at
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
        ), deleted AS (
            DELETE FROM players p USING doomed d WHERE p.id = d.id RETURNING p.id
        )
        SELECT (SELECT count(*) FROM deleted)::int AS players,
               (SELECT count(*) FROM sessions s WHERE s.player_id IN (SELECT id FROM doomed))::int AS sessions
        """;
}
