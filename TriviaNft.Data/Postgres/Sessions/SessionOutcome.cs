namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>What recording a session did; a replayed call returns the same outcome with <see cref="IsReplay"/> set.</summary>
public sealed record SessionOutcome
{
    /// <summary>The session's id.</summary>
    public Guid SessionId { get; init; }

    /// <summary>The category played.</summary>
    public Guid CategoryId { get; init; }

    /// <summary>The wallet the session was played with (its leaderboard entry); null for a guest.</summary>
    public string? StakeKey { get; init; }

    /// <summary>Won, lost or forfeit.</summary>
    public SessionStatus Status { get; init; }

    /// <summary>Correct answers.</summary>
    public int Score { get; init; }

    /// <summary>All questions answered correctly, not forfeited.</summary>
    public bool IsPerfect { get; init; }

    /// <summary>True when the session had already been recorded (a retried or concurrent call): nothing was written.</summary>
    public bool IsReplay { get; init; }

    /// <summary>The eligibility this session granted, if any.</summary>
    public Guid? EligibilityId { get; init; }

    /// <summary>When that eligibility expires.</summary>
    public DateTimeOffset? EligibilityExpiresAt { get; init; }

    /// <summary>True when the session was perfect but no eligibility was granted: one was still active for the category.</summary>
    public bool EligibilityBlocked { get; init; }

    /// <summary>The season the points went to; null for guests or when no active season covers the end time.</summary>
    public string? SeasonId { get; init; }

    /// <summary>Season points the session added (0 for guests).</summary>
    public int PointsAdded { get; init; }

    /// <summary>True when an eligibility was granted.</summary>
    public bool EligibilityGranted => EligibilityId is not null;
}
