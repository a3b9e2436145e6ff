namespace TriviaNft.Data.Redis.Privacy;

/// <summary>What an erasure removed from Redis.</summary>
/// <param name="KeysDeleted">Keys of the player that existed and were deleted.</param>
/// <param name="LeaderboardEntriesRemoved">Leaderboard entries of the player's wallet that were removed.</param>
public sealed record PlayerCacheErasure(long KeysDeleted, int LeaderboardEntriesRemoved);
