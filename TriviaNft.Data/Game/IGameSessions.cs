using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Game;

/// <summary>
/// What the game's handlers call to play a session: start → serve/answer each question → complete (or forfeit).
/// Redis holds the live session (one round trip per step); PostgreSQL records the completed one in one
/// transaction; the leaderboards follow after commit. Every step is safe to retry.
/// </summary>
public interface IGameSessions
{
    /// <summary>
    /// Starts a session of <paramref name="categoryId"/> for <paramref name="playerId"/>: cooldown, the one-session lock and
    /// the daily limit (guest or connected) are checked and taken atomically, with questions the player has not
    /// seen today.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">No such player.</exception>
    Task<GameStart> StartAsync(Guid playerId, Guid categoryId, CancellationToken cancellationToken = default);

    /// <summary>Marks question <paramref name="index"/> as shown now: its 10-second answer window starts.</summary>
    Task<SessionStepResult> ServeAsync(SessionHandle session, int index, CancellationToken cancellationToken = default);

    /// <summary>Records the answer to question <paramref name="index"/>; late answers count as incorrect.</summary>
    Task<SessionStepResult> AnswerAsync(SessionHandle session, int index, int? chosenIndex, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the finished session, releases the lock, sets the cooldown and updates the leaderboards. Calling it again
    /// for a session already recorded (a retry whose first call's reply was lost) returns the recorded outcome with
    /// <c>IsReplay</c> set and repeats the release and the leaderboard refresh, which are idempotent.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">Not every question was answered (use <see cref="ForfeitAsync"/>).</exception>
    /// <exception cref="Errors.DataNotFoundException">No active session and none recorded under this handle (it expired unrecorded, or belongs to another player).</exception>
    Task<GameCompletion> CompleteAsync(SessionHandle session, CancellationToken cancellationToken = default);

    /// <summary>Records an abandoned session as <c>forfeit</c> (a loss), then releases it like <see cref="CompleteAsync"/>.</summary>
    Task<GameCompletion> ForfeitAsync(SessionHandle session, CancellationToken cancellationToken = default);
}
