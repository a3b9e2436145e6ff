using System.Globalization;
using StackExchange.Redis;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Redis;

/// <summary>
/// The names of every key of one player. All of them start with the same hash tag <c>{p:&lt;playerId&gt;}</c>,
/// so they live in one cluster slot and any script or transaction over them is single-slot by construction
/// (design.md §5). The player id is <c>players.id</c>, the same for a guest before and after connecting a wallet.
/// </summary>
public readonly record struct PlayerKeys
{
    /// <summary>Builds the key names of <paramref name="playerId"/>.</summary>
    /// <exception cref="Errors.DataValidationException">The id is empty.</exception>
    public PlayerKeys(Guid playerId)
    {
        PlayerId = Guard.Id(playerId, "players.id", "The player id");
        Tag = $"{{p:{playerId:D}}}";
    }

    /// <summary>The player (<c>players.id</c>).</summary>
    public Guid PlayerId { get; }

    /// <summary>The hash tag every key of the player starts with, <c>{p:&lt;playerId&gt;}</c>.</summary>
    public string Tag { get; }

    /// <summary>Hash: the active session's state (15 min TTL).</summary>
    public RedisKey Session => Tag + ":session";

    /// <summary>String <c>&lt;token&gt;:&lt;until ms&gt;</c>: one active session per player (15 min TTL).</summary>
    public RedisKey Lock => Tag + ":lock";

    /// <summary>String <c>&lt;until ms&gt;:&lt;token&gt;</c>: the pause after a completed session (60 s TTL).</summary>
    public RedisKey Cooldown => Tag + ":cooldown";

    /// <summary>Counter: sessions started on game day <paramref name="day"/> (expires at the next reset, ≤ 24 h).</summary>
    public RedisKey Daily(DateOnly day) => $"{Tag}:daily:{Day(day)}";

    /// <summary>Set of question ids served in <paramref name="categoryId"/> on game day <paramref name="day"/> (as <see cref="Daily"/>).</summary>
    public RedisKey Seen(Guid categoryId, DateOnly day) => $"{Tag}:seen:{categoryId:D}:{Day(day)}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
