namespace TriviaNft.Data.Redis.Limits;

/// <summary>
/// Reads the one-active-session lock (key <c>{p:&lt;playerId&gt;}:lock</c>). The lock is taken and released only by
/// <see cref="Sessions.IActiveSessionStore"/>; it is an efficiency guard, PostgreSQL constraints guard correctness.
/// </summary>
public interface ISessionLockStore
{
    /// <summary>Until when the player's lock is held, or null when no session holds it.</summary>
    Task<DateTimeOffset?> GetHeldUntilAsync(Guid playerId, CancellationToken cancellationToken = default);
}
