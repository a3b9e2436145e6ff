namespace TriviaNft.Data.Redis.Limits;

/// <summary>
/// Reads the cooldown after a completed session (key <c>{p:&lt;playerId&gt;}:cooldown</c>), which the release
/// script of <see cref="Sessions.IActiveSessionStore"/> sets and the start script enforces.
/// </summary>
public interface ICooldownStore
{
    /// <summary>When the player's cooldown ends, or null when none runs.</summary>
    Task<DateTimeOffset?> GetUntilAsync(Guid playerId, CancellationToken cancellationToken = default);
}
