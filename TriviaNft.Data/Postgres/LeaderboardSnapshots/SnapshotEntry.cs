namespace TriviaNft.Data.Postgres.LeaderboardSnapshots;

/// <summary>A line of a day's leaderboard snapshot.</summary>
public sealed record SnapshotEntry
{
    /// <summary>The rank that day, 1-based, unique within the snapshot.</summary>
    public int Rank { get; init; }

    /// <summary>The wallet (or, after an erasure, an anonymous placeholder key).</summary>
    public required string StakeKey { get; init; }

    /// <summary>Season points that day.</summary>
    public int Points { get; init; }

    /// <summary>NFTs minted in the season by that day.</summary>
    public int NftsMinted { get; init; }

    /// <summary>Perfect sessions in the season by that day.</summary>
    public int PerfectScores { get; init; }

    /// <summary>Average answer time in whole milliseconds that day.</summary>
    public int AvgAnswerMs { get; init; }
}
