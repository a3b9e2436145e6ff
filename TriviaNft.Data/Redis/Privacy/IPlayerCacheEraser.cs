using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Redis.Privacy;

/// <summary>
/// Right to deletion, Redis side: removes everything Redis holds about a player, without KEYS or SCAN — the key
/// names are known (<see cref="PlayerKeys"/>), and dated keys can only exist for the current game day and its
/// neighbours because their TTL ends at the next reset and never exceeds 24 hours.
/// </summary>
public interface IPlayerCacheEraser
{
    /// <summary>
    /// Deletes the player's session, lock, cooldown, daily counters and seen sets (for <paramref name="categoryIds"/>,
    /// which should be every category, active or not) in one DEL, and removes <paramref name="stakeKey"/> from
    /// <paramref name="leaderboards"/>, all sent at once. Idempotent.
    /// </summary>
    Task<PlayerCacheErasure> EraseAsync(
        Guid playerId,
        IEnumerable<Guid> categoryIds,
        string? stakeKey = null,
        IEnumerable<LeaderboardId>? leaderboards = null,
        CancellationToken cancellationToken = default);
}
