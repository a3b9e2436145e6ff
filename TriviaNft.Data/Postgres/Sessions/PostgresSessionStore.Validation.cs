using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Sessions;

public sealed partial class PostgresSessionStore
{
    // A day: an answer time beyond it is a bug; it also keeps sums of ten within an int.
    private const int MaxElapsedMs = 86_400_000;

    private void Validate(SessionCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        Guard.Id(completion.SessionId, "sessions.id", "The session id");
        Guard.Id(completion.PlayerId, "sessions.player_id", "The player id");
        Guard.Id(completion.CategoryId, "sessions.category_id", "The category id");
        Guard.Instant(completion.StartedAt, "sessions.started_at", "The start time");
        Guard.Instant(completion.EndedAt, "sessions.ended_at", "The end time");
        if (completion.EndedAt <= completion.StartedAt)
        {
            throw new DataValidationException("chk_sessions_time_order", "A session must end after it starts.");
        }

        var questions = _rules.QuestionsPerSession;
        var min = completion.Forfeit ? 0 : questions;
        Guard.Items(completion.Answers, "sessions.answers",
            completion.Forfeit ? "A forfeited session's answers" : "A finished session's answers", min, questions);
        if (completion.Answers.Select(a => a?.QuestionId).Distinct().Count() != completion.Answers.Count)
        {
            throw new DataValidationException("sessions.answers", "A question is served at most once per session.");
        }

        foreach (var answer in completion.Answers)
        {
            if (answer is null)
            {
                throw new DataValidationException("sessions.answers", "An answer is missing.");
            }

            Guard.Id(answer.QuestionId, "sessions.answers", "Every answer's question id");
            if (answer.ChosenIndex is { } chosen)
            {
                Guard.Range(chosen, "sessions.answers", "A chosen option", 0, 3);
            }
            else if (answer.IsCorrect)
            {
                throw new DataValidationException("sessions.answers", "An unanswered question cannot be correct.");
            }

            Guard.Range(answer.ElapsedMs, "sessions.answers", "An answer time in milliseconds", 0, MaxElapsedMs);
        }
    }

    /// <summary>
    /// The session's answer time over all its questions: an answered question counts its time (capped at the time
    /// limit), an unanswered or never-served one the full limit. So every session weighs exactly
    /// <see cref="GameRules.QuestionsPerSession"/> question times, and the season's running average knows its weight
    /// from <c>sessions_used</c> alone.
    /// </summary>
    private int CountedMs(IReadOnlyList<SessionAnswer> answers)
    {
        var limit = _rules.QuestionTimeLimitMs;
        var answered = answers.Where(a => a.ChosenIndex is not null).ToList();
        return answered.Sum(a => Math.Min(a.ElapsedMs, limit)) + ((_rules.QuestionsPerSession - answered.Count) * limit);
    }

    private SessionStatus StatusOf(SessionCompletion completion, int score) =>
        completion.Forfeit ? SessionStatus.Forfeit
        : score >= _rules.WinThreshold ? SessionStatus.Won
        : SessionStatus.Lost;

    private int PointsFor(int score, bool perfect) =>
        (score * _rules.PointsPerCorrectAnswer) + (perfect ? _rules.PerfectSessionBonus : 0);
}
