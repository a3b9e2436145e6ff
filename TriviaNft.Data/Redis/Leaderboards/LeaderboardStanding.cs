namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// A wallet's standing on a leaderboard: the columns of <c>season_points</c> that order it (design.md §9:
/// points desc, nfts_minted desc, perfect_scores desc, avg_answer_ms asc, sessions_used asc,
/// first_achieved_at asc, then stake_key asc). Ranges: see <see cref="LeaderboardEncoding"/>.
/// </summary>
public sealed record LeaderboardStanding
{
    /// <summary>The wallet.</summary>
    public required string StakeKey { get; init; }

    /// <summary>Season points.</summary>
    public required int Points { get; init; }

    /// <summary>NFTs minted.</summary>
    public required int NftsMinted { get; init; }

    /// <summary>Perfect sessions.</summary>
    public required int PerfectScores { get; init; }

    /// <summary>Average answer time in whole milliseconds.</summary>
    public required int AvgAnswerMs { get; init; }

    /// <summary>Sessions played.</summary>
    public required int SessionsUsed { get; init; }

    /// <summary>When the standing was first achieved (microsecond precision, as PostgreSQL stores it).</summary>
    public required DateTimeOffset FirstAchievedAt { get; init; }
}
