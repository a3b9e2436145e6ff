namespace TriviaNft.Data.Redis.Limits;

/// <summary>
/// Reads the daily session counters (key <c>{p:&lt;playerId&gt;}:daily:&lt;yyyy-MM-dd&gt;</c>). They are counted
/// only by the start script of <see cref="Sessions.IActiveSessionStore"/>, together with the lock.
/// </summary>
public interface IDailyLimitStore
{
    /// <summary>Today's usage of <paramref name="playerId"/>, against the connected or the guest limit.</summary>
    Task<DailyUsage> GetAsync(Guid playerId, bool isConnected, CancellationToken cancellationToken = default);
}
