using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.QuestionFlags;

/// <summary>Player reports about questions and the moderation queue.</summary>
public interface IQuestionFlagStore
{
    /// <summary>Records that <paramref name="playerId"/> flags <paramref name="questionId"/> for <paramref name="reason"/>.</summary>
    /// <exception cref="DataConflictException">The player already flagged this question (<c>uq_question_flags_question_id_player_id</c>).</exception>
    /// <exception cref="DataValidationException">
    /// An id is empty, the reason is not 1..500 characters, or the question or player does not exist
    /// (<c>fk_question_flags_question_id</c>, <c>fk_question_flags_player_id</c>).
    /// </exception>
    Task<QuestionFlag> FlagAsync(Guid questionId, Guid playerId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Unhandled flags, oldest first, at most <paramref name="limit"/>; pass the last flag of a page as
    /// <paramref name="after"/> (its <c>CreatedAt</c> and <c>Id</c>) for the next page.
    /// </summary>
    /// <exception cref="DataValidationException">The limit is not 1..100.</exception>
    Task<IReadOnlyList<QuestionFlag>> ListUnhandledAsync(int limit = 50, PageCursor? after = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the flag handled by <paramref name="moderatorId"/> now. Idempotent: resolving a handled flag changes
    /// nothing and returns it as it is (the first moderator and time stay).
    /// </summary>
    /// <exception cref="DataNotFoundException">No such flag.</exception>
    /// <exception cref="DataValidationException">An id is empty, or the moderator does not exist (<c>fk_question_flags_handled_by</c>).</exception>
    Task<QuestionFlag> ResolveAsync(Guid flagId, Guid moderatorId, CancellationToken cancellationToken = default);
}
