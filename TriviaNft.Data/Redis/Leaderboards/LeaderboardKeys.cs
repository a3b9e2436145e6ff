using StackExchange.Redis;

namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>The keys of one leaderboard, all under its hash tag <see cref="Tag"/> (one slot).</summary>
/// <param name="Tag">The hash tag, e.g. <c>{lb:winter-s1:global}</c>; also the name of the sorted set.</param>
public readonly record struct LeaderboardKeys(string Tag)
{
    /// <summary>Sorted set: one member per wallet, ordered as design.md §9 (see <see cref="LeaderboardEncoding"/>). No TTL.</summary>
    public RedisKey Board => Tag;

    /// <summary>Hash stake key → current member, so an update can remove the wallet's previous member. No TTL.</summary>
    public RedisKey Members => Tag + ":members";

    /// <summary>The sorted set a rebuild fills before it is renamed onto <see cref="Board"/>.</summary>
    public RedisKey RebuildBoard(string runId) => $"{Tag}:rebuild:{runId}";

    /// <summary>The member index a rebuild fills before it is renamed onto <see cref="Members"/>.</summary>
    public RedisKey RebuildMembers(string runId) => $"{Tag}:rebuild:{runId}:members";
}
