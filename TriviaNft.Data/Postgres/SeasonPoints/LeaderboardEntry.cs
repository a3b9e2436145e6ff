namespace TriviaNft.Data.Postgres.SeasonPoints;

/// <summary>A line of a season's leaderboard, with every key of its order.</summary>
public sealed record LeaderboardEntry
{
    /// <summary>1-based and unique: the number of players strictly ahead, plus one.</summary>
    public long Rank { get; init; }

    /// <summary>The wallet.</summary>
    public required string StakeKey { get; init; }

    /// <summary>The player's username (players without one are not ranked).</summary>
    public required string Username { get; init; }

    /// <summary>Season points (more is better).</summary>
    public int Points { get; init; }

    /// <summary>NFTs minted this season (first tie-breaker, more is better).</summary>
    public int NftsMinted { get; init; }

    /// <summary>Perfect sessions this season (more is better).</summary>
    public int PerfectScores { get; init; }

    /// <summary>Average answer time in whole milliseconds (less is better).</summary>
    public int AvgAnswerMs { get; init; }

    /// <summary>Sessions played this season (less is better).</summary>
    public int SessionsUsed { get; init; }

    /// <summary>When the wallet first scored this season (earlier is better).</summary>
    public DateTimeOffset FirstAchievedAt { get; init; }
}
