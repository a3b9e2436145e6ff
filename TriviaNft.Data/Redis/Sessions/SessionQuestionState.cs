namespace TriviaNft.Data.Redis.Sessions;

/// <summary>One question of an active session: when it was served and how it was answered (server clock).</summary>
public sealed record SessionQuestionState
{
    /// <summary>Position in the session, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The question (<c>questions.id</c>).</summary>
    public required Guid QuestionId { get; init; }

    /// <summary>The correct option (0..3). Server-side only: never send it to a client before the answer.</summary>
    public required int CorrectIndex { get; init; }

    /// <summary>When the question was served; null until then.</summary>
    public DateTimeOffset? ServedAt { get; init; }

    /// <summary>The last instant an answer counts: <see cref="ServedAt"/> plus the answer window.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>True once an answer (or a recorded timeout) is in.</summary>
    public bool IsAnswered { get; init; }

    /// <summary>The option chosen, 0..3; null when unanswered or answered with no choice (a timeout).</summary>
    public int? ChosenIndex { get; init; }

    /// <summary>Milliseconds from serving to answering, as measured by the server.</summary>
    public long? ElapsedMs { get; init; }

    /// <summary>True when answered after the deadline: such an answer counts as incorrect.</summary>
    public bool IsLate { get; init; }

    /// <summary>True when the right option was chosen in time.</summary>
    public bool IsCorrect { get; init; }
}
