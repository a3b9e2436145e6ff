namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>A recorded session, as the history lists it (without the per-question detail).</summary>
public sealed record SessionSummary
{
    /// <summary>The session's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The player it belongs to now (a merged guest's sessions belong to the wallet player).</summary>
    public Guid PlayerId { get; init; }

    /// <summary>The wallet it was played under; null when played as a guest.</summary>
    public string? StakeKey { get; init; }

    /// <summary>The guest id it was played under.</summary>
    public string? AnonId { get; init; }

    /// <summary>The category played.</summary>
    public Guid CategoryId { get; init; }

    /// <summary>Won, lost or forfeit.</summary>
    public SessionStatus Status { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset EndedAt { get; init; }

    /// <summary>Correct answers, 0..10.</summary>
    public int Score { get; init; }

    /// <summary>Answer time counted over all its questions (an unanswered one counts the full time limit).</summary>
    public int TotalMs { get; init; }
}
