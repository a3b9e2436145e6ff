using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Game;

public sealed partial class GameSessions
{
    private static readonly TimeSpan TimedOutGrace = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<GameStart> StartAsync(Guid playerId, Guid categoryId, CancellationToken cancellationToken = default)
    {
        // The player and the candidates do not depend on each other: both reads run at once, on two pooled
        // connections. Usually the random pick holds enough unseen questions and the start takes one Redis round
        // trip; the seen set is read only when it does not.
        var playerRead = players.GetByIdAsync(playerId, cancellationToken);
        var pick = questions.PickRandomAsync(categoryId, CandidateCount, [], cancellationToken);
        await Task.WhenAll(playerRead, pick).ConfigureAwait(false);
        var player = await playerRead.ConfigureAwait(false);
        var candidates = await pick.ConfigureAwait(false);
        var result = await StartWithAsync(player.Id, categoryId, player.IsConnected, candidates, cancellationToken).ConfigureAwait(false);
        if (result is SessionStartResult.AlreadyActive && await ForfeitTimedOutAsync(player.Id, cancellationToken).ConfigureAwait(false))
        {
            result = await StartWithAsync(player.Id, categoryId, player.IsConnected, candidates, cancellationToken).ConfigureAwait(false);
        }

        if (result is SessionStartResult.NotEnoughQuestions)
        {
            var seen = await seenQuestions.GetAsync(player.Id, categoryId, cancellationToken).ConfigureAwait(false);
            candidates = await questions.PickRandomAsync(categoryId, CandidateCount, seen, cancellationToken).ConfigureAwait(false);
            result = await StartWithAsync(player.Id, categoryId, player.IsConnected, candidates, cancellationToken).ConfigureAwait(false);
        }

        if (result is not SessionStartResult.Started started)
        {
            return new GameStart(result, []);
        }

        var byId = candidates.ToDictionary(q => q.Id);
        return new GameStart(result, [.. started.Session.Questions.Select(q =>
            new GameQuestion(q.Index, q.QuestionId, byId[q.QuestionId].Text, byId[q.QuestionId].Options))]);
    }

    /// <summary>
    /// A session whose every answer window has passed (plus a grace period) is over whatever its client does: it
    /// is recorded as a forfeit, so a timed-out session still counts, and the player can start again (after the
    /// cooldown, as after any completed session).
    /// </summary>
    private async Task<bool> ForfeitTimedOutAsync(Guid playerId, CancellationToken cancellationToken)
    {
        var active = await activeSessions.GetAsync(playerId, cancellationToken).ConfigureAwait(false);
        if (active is null || _clock.GetUtcNow() < active.StartedAt + (active.AnswerWindow * active.Questions.Count) + TimedOutGrace)
        {
            return false;
        }

        await ForfeitAsync(active.Handle, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Three times the session's questions: enough that today's seen ones rarely leave too few.
    private int CandidateCount => _options.QuestionsPerSession * 3;

    // Fewer active questions than a session needs (an unknown or nearly empty category) is the start's own
    // "not enough questions" answer: the Redis store would refuse the short candidate list as a caller's error.
    private Task<SessionStartResult> StartWithAsync(
        Guid playerId, Guid categoryId, bool isConnected, IReadOnlyList<Question> candidates, CancellationToken cancellationToken) =>
        candidates.Count < _options.QuestionsPerSession
            ? Task.FromResult<SessionStartResult>(new SessionStartResult.NotEnoughQuestions(candidates.Count, _options.QuestionsPerSession))
            : activeSessions.StartAsync(new SessionStartRequest
            {
                PlayerId = playerId,
                CategoryId = categoryId,
                IsConnected = isConnected,
                Candidates = [.. candidates.Select(q => new SessionQuestion(q.Id, q.CorrectIndex))],
            }, cancellationToken);
}
