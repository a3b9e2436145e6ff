namespace TriviaNft.Data.Redis.Sessions;

/// <summary>
/// What the caller keeps between the operations of one session: the player, the session, its category (the seen
/// set's key depends on it) and the lock token that proves this caller started it.
/// </summary>
/// <param name="PlayerId">The player (<c>players.id</c>).</param>
/// <param name="SessionId">The session.</param>
/// <param name="CategoryId">The category played.</param>
/// <param name="Token">The random lock token; compare-and-delete release needs it.</param>
public sealed record SessionHandle(Guid PlayerId, Guid SessionId, Guid CategoryId, string Token);
