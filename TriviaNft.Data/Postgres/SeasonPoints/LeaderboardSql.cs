namespace TriviaNft.Data.Postgres.SeasonPoints;

/// <summary>
/// The leaderboard order of design.md §9, written once for the live leaderboard, ranks and snapshots. The stake
/// key, compared bytewise (<c>COLLATE "C"</c>, like Redis orders tied members), ends every tie, so each wallet
/// has its own rank and pages are stable.
/// </summary>
internal static class LeaderboardSql
{
    /// <summary>Season points rows that may be shown: the wallet is a player with a username (no guests, no nameless players).</summary>
    public const string Shown = "season_points sp JOIN players p ON p.stake_key = sp.stake_key AND p.username IS NOT NULL";

    /// <summary>The order over <see cref="Shown"/>.</summary>
    public const string Order = """
        sp.points DESC, sp.nfts_minted DESC, sp.perfect_scores DESC, sp.avg_answer_ms ASC, sp.sessions_used ASC,
        sp.first_achieved_at ASC, sp.stake_key COLLATE "C" ASC
        """;

    /// <summary>
    /// The same order as one ascending row value (descending keys negated: all are non-negative integers), so
    /// "ahead of" is a single row comparison, <c>SortKey &lt; (…)</c>.
    /// </summary>
    public const string SortKey = """
        (-sp.points, -sp.nfts_minted, -sp.perfect_scores, sp.avg_answer_ms, sp.sessions_used, sp.first_achieved_at, sp.stake_key COLLATE "C")
        """;

    /// <summary>The columns of a <see cref="LeaderboardEntry"/> but its rank.</summary>
    public const string Columns =
        "sp.stake_key, p.username, sp.points, sp.nfts_minted, sp.perfect_scores, sp.avg_answer_ms, sp.sessions_used, sp.first_achieved_at";
}
