namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>A standing and its 1-based rank on a board.</summary>
/// <param name="Rank">1 for the leader; every wallet has its own rank (the stake key ends every tie).</param>
/// <param name="Standing">The standing.</param>
public sealed record LeaderboardPosition(long Rank, LeaderboardStanding Standing);
