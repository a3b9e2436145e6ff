namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// The SQL the Redis leaderboards are rebuilt from and checked against. (The SQL leaderboard store of
/// <c>Postgres/SeasonPoints</c> serves SQL reads; both use the same order and the same shown-wallet rule.)
/// Only wallets of players with a username are shown. The order is design.md §9 with the stake key compared
/// bytewise (<c>COLLATE "C"</c>), which is how Redis orders tied members.
/// </summary>
internal static class LeaderboardSourceSql
{
    /// <summary>§9, over the columns every source below returns.</summary>
    public const string Order = """
        points DESC, nfts_minted DESC, perfect_scores DESC, avg_answer_ms ASC, sessions_used ASC, first_achieved_at ASC, stake_key COLLATE "C" ASC
        """;

    /// <summary>The order as one ascending row (descending keys negated), for keyset paging: "after" is <c>&gt;</c>.</summary>
    public const string SortKey = """
        (-points, -nfts_minted, -perfect_scores, avg_answer_ms, sessions_used, first_achieved_at, stake_key COLLATE "C")
        """;

    /// <summary>The cursor row compared with <see cref="SortKey"/>.</summary>
    public const string Cursor = """
        (-@points, -@nftsMinted, -@perfectScores, @avgAnswerMs, @sessionsUsed, @firstAchievedAt, @stakeKey COLLATE "C")
        """;

    /// <summary>Global board of @season: its season_points rows. A filter may follow (it continues the WHERE).</summary>
    public const string Global = """
        SELECT sp.stake_key, sp.points, sp.nfts_minted, sp.perfect_scores, sp.avg_answer_ms, sp.sessions_used, sp.first_achieved_at
        FROM season_points sp
        JOIN players p ON p.stake_key = sp.stake_key AND p.username IS NOT NULL
        WHERE sp.season_id = @season
        """;

    /// <summary>Global rows changed since @since (catch-up after a rebuild).</summary>
    public const string GlobalChangedSince = " AND sp.updated_at >= @since";

    /// <summary>Global row of one wallet, @stakeKey.</summary>
    public const string GlobalOneWallet = " AND sp.stake_key = @stakeKey";

    /// <summary>Check pages: the first @limit rows of the board in §9 order …</summary>
    public const string GlobalFirstPage = "SELECT * FROM (" + Global + ") s ORDER BY " + Order + " LIMIT @limit";

    /// <summary>… and the @limit rows after the cursor. <c>points &lt;= @points</c> is implied; it lets the planner range-scan idx_season_points_leaderboard.</summary>
    public const string GlobalNextPage = "SELECT * FROM (" + Global + ") s WHERE points <= @points AND " + SortKey + " > " + Cursor
        + " ORDER BY " + Order + " LIMIT @limit";

    /// <summary>
    /// Category board of @category in @season, computed from the season's sessions (season_points has no
    /// per-category columns) with the rules the session store applies to season_points: sessions of
    /// wallet-connected players (<c>sessions.stake_key</c> set) that ended in [starts_at, ends_at); a session is
    /// perfect when its score is @questions and it is not a forfeit; points = @perCorrect per correct answer +
    /// @bonus per perfect session; avg_answer_ms = round(Σ total_ms / (sessions · @questions)) (the exact mean);
    /// first_achieved_at = the end of the last session that added points (of the first session when none did);
    /// nfts_minted = confirmed mints of the category's catalog items in the same window. {0} filters sessions
    /// (alias s), {1} filters mints (alias m).
    /// </summary>
    public const string CategoryTemplate = """
        WITH season AS (SELECT starts_at, ends_at FROM seasons WHERE id = @season),
        played AS (
            SELECT s.stake_key,
                   (sum(s.score) * @perCorrect + count(*) FILTER (WHERE s.perfect) * @bonus)::int AS points,
                   (count(*) FILTER (WHERE s.perfect))::int AS perfect_scores,
                   round(sum(s.total_ms)::numeric / (count(*) * @questions))::int AS avg_answer_ms,
                   count(*)::int AS sessions_used,
                   coalesce(max(s.ended_at) FILTER (WHERE s.score * @perCorrect > 0 OR (s.perfect AND @bonus > 0)), min(s.ended_at))
                       AS first_achieved_at
            FROM (SELECT s.*, s.score = @questions AND s.status <> 'forfeit' AS perfect FROM sessions s) s CROSS JOIN season
            WHERE s.category_id = @category AND s.stake_key IS NOT NULL
              -- started_at bounds are implied (a session lasts minutes); they let idx_sessions_category range-scan.
              AND s.started_at >= season.starts_at - interval '1 day' AND s.started_at < season.ends_at
              AND s.ended_at >= season.starts_at AND s.ended_at < season.ends_at {0}
            GROUP BY s.stake_key),
        minted AS (
            SELECT m.stake_key, count(*)::int AS nfts_minted
            FROM mints m JOIN nft_catalog c ON c.id = m.catalog_id CROSS JOIN season
            WHERE m.status = 'confirmed' AND c.category_id = @category
              AND m.confirmed_at >= season.starts_at AND m.confirmed_at < season.ends_at {1}
            GROUP BY m.stake_key)
        SELECT pl.stake_key, pl.points, coalesce(mi.nfts_minted, 0) AS nfts_minted, pl.perfect_scores, pl.avg_answer_ms,
               pl.sessions_used, pl.first_achieved_at
        FROM played pl
        JOIN players p ON p.stake_key = pl.stake_key AND p.username IS NOT NULL
        LEFT JOIN minted mi ON mi.stake_key = pl.stake_key
        """;

    /// <summary>Category sessions filter: one wallet (through its player, so idx_sessions_player serves it).</summary>
    public const string CategorySessionsOfWallet =
        "AND s.player_id = (SELECT id FROM players WHERE stake_key = @stakeKey) AND s.stake_key = @stakeKey";

    /// <summary>Category mints filter: one wallet.</summary>
    public const string CategoryMintsOfWallet = "AND m.stake_key = @stakeKey";

    /// <summary>Category sessions filter: wallets with a session ended or a mint confirmed since @since.</summary>
    public const string CategorySessionsChangedSince = """
        AND s.stake_key IN (
            SELECT stake_key FROM sessions WHERE category_id = @category AND started_at >= @since - interval '1 day' AND ended_at >= @since
            UNION
            SELECT m2.stake_key FROM mints m2 JOIN nft_catalog c2 ON c2.id = m2.catalog_id
            WHERE c2.category_id = @category AND m2.confirmed_at >= @since)
        """;
}
