namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>A time-limited right to mint.</summary>
public sealed record Eligibility
{
    /// <summary>The eligibility's id.</summary>
    public Guid Id { get; init; }

    /// <summary>What it lets the player mint.</summary>
    public EligibilityType Type { get; init; }

    /// <summary>The category (for <see cref="EligibilityType.Category"/>).</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The season it was earned in, if any.</summary>
    public string? SeasonId { get; init; }

    /// <summary>The player holding it.</summary>
    public Guid PlayerId { get; init; }

    /// <summary>The wallet it mints to; null while held by a guest.</summary>
    public string? StakeKey { get; init; }

    /// <summary>The guest id it was earned under.</summary>
    public string? AnonId { get; init; }

    /// <summary>Active, used or expired.</summary>
    public EligibilityStatus Status { get; init; }

    /// <summary>End of the window; an active eligibility past it can no longer be used.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The session that earned it.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>When it was used.</summary>
    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>When it was granted.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
