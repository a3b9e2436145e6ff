namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>One question of a session as it was served and answered.</summary>
public sealed record SessionAnswer
{
    /// <summary>The question served.</summary>
    public Guid QuestionId { get; init; }

    /// <summary>The option the player chose, 0..3; null when the question timed out unanswered.</summary>
    public int? ChosenIndex { get; init; }

    /// <summary>Whether the chosen option was the correct one (decided by the game service).</summary>
    public bool IsCorrect { get; init; }

    /// <summary>Milliseconds from showing the question to the answer (or to the timeout).</summary>
    public int ElapsedMs { get; init; }
}
