namespace TriviaNft.Data.Redis.Sessions;

/// <summary>
/// The life of a session in Redis: start, serve and answer each question, complete. Each operation is one Lua
/// script over the player's keys (one slot), so each is atomic and costs exactly one round trip. Times come from
/// the injected <see cref="TimeProvider"/>. PostgreSQL stays the record: completing writes the session there
/// first (in one transaction), then calls <see cref="CompleteAsync"/>.
/// </summary>
public interface IActiveSessionStore
{
    /// <summary>
    /// Checks the cooldown, takes the session lock, counts the session against the day's limit (guest or
    /// connected), picks the first unseen candidates and stores the state, all or nothing, in one round trip.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The request is malformed (ids, candidates).</exception>
    Task<SessionStartResult> StartAsync(SessionStartRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Serves question <paramref name="index"/> (the next one): records when, which starts its answer window, and
    /// adds it to today's seen set. Serving it again returns the same state (the window does not restart).
    /// </summary>
    Task<SessionStepResult> ServeQuestionAsync(SessionHandle session, int index, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the answer to question <paramref name="index"/>: <paramref name="chosenIndex"/> 0..3, or null for
    /// no choice (a timeout). Late answers count as incorrect; a second answer or one out of order is refused.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The index or choice is out of range.</exception>
    Task<SessionStepResult> AnswerAsync(SessionHandle session, int index, int? chosenIndex, CancellationToken cancellationToken = default);

    /// <summary>The player's session in play, or null.</summary>
    Task<ActiveSession?> GetAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a completed or forfeited session: deletes the lock only if it holds this token, deletes the
    /// state, and starts the cooldown. Safe to retry.
    /// </summary>
    Task<SessionReleaseResult> CompleteAsync(SessionHandle session, CancellationToken cancellationToken = default);
}
