using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Game;

/// <summary>The outcome of a start, and the session's questions as the player may see them.</summary>
/// <param name="Result">Started, or why not (cooling down, limit reached, already active, not enough questions).</param>
/// <param name="Questions">The questions in order, without their answers; empty unless started.</param>
public sealed record GameStart(SessionStartResult Result, IReadOnlyList<GameQuestion> Questions)
{
    /// <summary>The handle for the next steps, when the session started.</summary>
    public SessionHandle? Session => (Result as SessionStartResult.Started)?.Session.Handle;
}

/// <summary>A question as shown to the player: never its correct index.</summary>
public sealed record GameQuestion(int Index, Guid QuestionId, string Text, IReadOnlyList<string> Options);

/// <summary>What completing (or forfeiting) did in PostgreSQL and in Redis.</summary>
/// <param name="Outcome">The recorded session: status, score, eligibility, season points, replay.</param>
/// <param name="Release">The lock release and the cooldown that now runs.</param>
public sealed record GameCompletion(Postgres.Sessions.SessionOutcome Outcome, SessionReleaseResult Release);
