using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Game;

public sealed partial class GameSessions
{
    /// <inheritdoc />
    public Task<GameCompletion> CompleteAsync(SessionHandle session, CancellationToken cancellationToken = default) =>
        FinishAsync(session, forfeit: false, cancellationToken);

    /// <inheritdoc />
    public Task<GameCompletion> ForfeitAsync(SessionHandle session, CancellationToken cancellationToken = default) =>
        FinishAsync(session, forfeit: true, cancellationToken);

    /// <summary>
    /// PostgreSQL first (idempotent by session id), Redis after commit: a retry after any failure finds the live
    /// state still there and ends the same way, counted once.
    /// </summary>
    private async Task<GameCompletion> FinishAsync(SessionHandle session, bool forfeit, CancellationToken cancellationToken)
    {
        Guard.Session(session);
        var state = await activeSessions.GetAsync(session.PlayerId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.SessionId != session.SessionId || state.Token != session.Token)
        {
            throw new DataNotFoundException("active session", session.SessionId.ToString());
        }

        if (!forfeit && !state.IsFinished)
        {
            throw new DataValidationException("session.unfinished",
                $"{state.NextIndex} of {state.Questions.Count} questions are answered: answer them all, or forfeit.");
        }

        var outcome = await sessions.CompleteAsync(Completion(state, forfeit), cancellationToken).ConfigureAwait(false);
        var release = await activeSessions.CompleteAsync(session, cancellationToken).ConfigureAwait(false);
        if (outcome is { SeasonId: { } season, PointsAdded: > 0 })
        {
            var player = await players.GetByIdAsync(session.PlayerId, cancellationToken).ConfigureAwait(false);
            if (player.StakeKey is { } stakeKey)
            {
                await leaderboards.RefreshAsync(LeaderboardId.Global(season), stakeKey, cancellationToken).ConfigureAwait(false);
                await leaderboards.RefreshAsync(LeaderboardId.Category(season, state.CategoryId), stakeKey, cancellationToken).ConfigureAwait(false);
            }
        }

        return new GameCompletion(outcome, release);
    }

    private SessionCompletion Completion(ActiveSession state, bool forfeit)
    {
        var window = (int)_options.AnswerWindow.TotalMilliseconds;
        var now = _clock.GetUtcNow();
        return new SessionCompletion
        {
            SessionId = state.SessionId,
            PlayerId = state.PlayerId,
            CategoryId = state.CategoryId,
            StartedAt = state.StartedAt,
            // The schema requires ended_at > started_at, even for a forfeit in the same millisecond.
            EndedAt = now > state.StartedAt ? now : state.StartedAt.AddMilliseconds(1),
            Forfeit = forfeit,
            Answers = [.. state.Questions.Select(q => new SessionAnswer
            {
                QuestionId = q.QuestionId,
                ChosenIndex = q.ChosenIndex,
                IsCorrect = q.IsCorrect,
                // Unanswered and late questions count the whole window (design: the average penalises them).
                ElapsedMs = q.IsAnswered && !q.IsLate ? (int)Math.Min(q.ElapsedMs ?? window, window) : window,
            })],
        };
    }
}
