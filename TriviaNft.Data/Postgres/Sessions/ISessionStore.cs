using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>Completed sessions: recording one with everything it earns, and the history.</summary>
public interface ISessionStore
{
    /// <summary>
    /// Records a finished session and what it earns, in ONE transaction (design.md §10): the session row; on a
    /// perfect score a <c>category</c> eligibility (an overdue active one for the category is expired first; a
    /// still-valid one blocks the grant, reported in <see cref="SessionOutcome.EligibilityBlocked"/>); and, for a
    /// wallet-connected player whose session ended inside the active season, the season points. Idempotent by
    /// <see cref="SessionCompletion.SessionId"/>: a retried or concurrent second call writes nothing and returns the
    /// first call's outcome with <see cref="SessionOutcome.IsReplay"/> set. Update Redis after this returns.
    /// </summary>
    /// <exception cref="DataValidationException">
    /// The completion breaks a rule (ids, times, the number and shape of answers), or the category does not exist.
    /// </exception>
    /// <exception cref="DataNotFoundException">The player does not exist (e.g. a guest merged into a wallet meanwhile).</exception>
    /// <exception cref="DataConflictException">
    /// The session id was already recorded for another category or start time (<c>sessions.id-reused</c>).
    /// </exception>
    Task<SessionOutcome> CompleteAsync(SessionCompletion completion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outcome of session <paramref name="sessionId"/> if it is recorded for <paramref name="playerId"/>, as a
    /// replay of <see cref="CompleteAsync"/> returns it (<see cref="SessionOutcome.IsReplay"/> set); null when it is not.
    /// From the writer: a retry right after a completion must see it.
    /// </summary>
    /// <exception cref="DataValidationException">An id is empty.</exception>
    Task<SessionOutcome?> FindOutcomeAsync(Guid playerId, Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The player's sessions, newest first, at most <paramref name="limit"/>; pass the last one of a page as
    /// <paramref name="before"/> (its <c>StartedAt</c> and <c>Id</c>) for the next. From the reader endpoint.
    /// </summary>
    /// <exception cref="DataValidationException">The id is empty or the limit is not 1..100.</exception>
    Task<IReadOnlyList<SessionSummary>> ListForPlayerAsync(
        Guid playerId, int limit = 20, PageCursor? before = null, CancellationToken cancellationToken = default);

    /// <summary>The player's perfect sessions per category (categories without one are left out). From the reader.</summary>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task<IReadOnlyList<CategoryPerfectCount>> CountPerfectByCategoryAsync(Guid playerId, CancellationToken cancellationToken = default);
}
