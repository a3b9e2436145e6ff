using Microsoft.Extensions.Logging;
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
    /// PostgreSQL first (idempotent by session id), Redis after commit: a retry after a failure before the release finds
    /// the live state still there and ends the same way, counted once; a retry after the release (its reply or a
    /// leaderboard refresh failed) answers from the recorded row.
    /// </summary>
    private async Task<GameCompletion> FinishAsync(SessionHandle session, bool forfeit, CancellationToken cancellationToken)
    {
        Guard.Session(session);
        var state = await activeSessions.GetAsync(session.PlayerId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.SessionId != session.SessionId || state.Token != session.Token)
        {
            return await ReplayRecordedAsync(session, cancellationToken).ConfigureAwait(false)
                ?? throw new DataNotFoundException("active session", session.SessionId.ToString());
        }

        if (!forfeit && !state.IsFinished)
        {
            throw new DataValidationException("session.unfinished",
                $"{state.NextIndex} of {state.Questions.Count} questions are answered: answer them all, or forfeit.");
        }

        var completion = Completion(state, forfeit);
        var outcome = await sessions.CompleteAsync(completion, cancellationToken).ConfigureAwait(false);
        if (outcome is { StakeKey: not null, SeasonId: null, IsReplay: false })
        {
            // Recorded, but no season takes points: a gap the season rollover should have prevented. Never silent.
            GameTelemetry.UnseasonedSessions.Add(1);
            LogUnseasoned(outcome.SessionId, completion.EndedAt);
        }

        return await ReleaseAsync(session, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The session is no longer live but may be recorded: its completion committed, then the release's reply or a
    /// leaderboard refresh failed and the caller retried. The release (compare-and-delete by token) and the refreshes
    /// (they read the standing from SQL) are safe to repeat. Null when the player has no such recorded session.
    /// </summary>
    private async Task<GameCompletion?> ReplayRecordedAsync(SessionHandle session, CancellationToken cancellationToken)
    {
        var recorded = await sessions.FindOutcomeAsync(session.PlayerId, session.SessionId, cancellationToken).ConfigureAwait(false);
        return recorded is null ? null : await ReleaseAsync(session, recorded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After the commit: the release and the two board refreshes touch different hash slots and need nothing of each
    /// other, so they go out together — one round trip of latency instead of three.
    /// </summary>
    private async Task<GameCompletion> ReleaseAsync(SessionHandle session, SessionOutcome outcome, CancellationToken cancellationToken)
    {
        var release = activeSessions.CompleteAsync(session, cancellationToken);
        var refreshes = outcome is { SeasonId: { } season, StakeKey: { } stakeKey, PointsAdded: > 0 }
            ? Task.WhenAll(
                leaderboards.RefreshAsync(LeaderboardId.Global(season), stakeKey, cancellationToken),
                leaderboards.RefreshAsync(LeaderboardId.Category(season, outcome.CategoryId), stakeKey, cancellationToken))
            : Task.CompletedTask;
        await Task.WhenAll(release, refreshes).ConfigureAwait(false);
        return new GameCompletion(outcome, await release.ConfigureAwait(false));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} of a wallet ended at {EndedAt:O}, when no season takes points: recorded without season points (run the season-rollover job)")]
    private partial void LogUnseasoned(Guid sessionId, DateTimeOffset endedAt);
}
