namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>A finished session as the game service (Redis) hands it over for recording.</summary>
public sealed record SessionCompletion
{
    /// <summary>The session's id, the Redis session id: recording is idempotent by it.</summary>
    public Guid SessionId { get; init; }

    /// <summary>The player who played it; their identity (stake key or guest id) is recorded as it is now.</summary>
    public Guid PlayerId { get; init; }

    /// <summary>The category played.</summary>
    public Guid CategoryId { get; init; }

    /// <summary>When the first question was served.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the session ended; decides the season the points go to.</summary>
    public DateTimeOffset EndedAt { get; init; }

    /// <summary>
    /// The questions served, in order. A finished session has exactly <see cref="GameRules.QuestionsPerSession"/>;
    /// a forfeited one may have fewer.
    /// </summary>
    public required IReadOnlyList<SessionAnswer> Answers { get; init; }

    /// <summary>True for an abandoned or timed-out session: recorded as forfeit (a loss, never perfect).</summary>
    public bool Forfeit { get; init; }
}
