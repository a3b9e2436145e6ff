namespace TriviaNft.Data.Redis.Sessions;

/// <summary>What a session start needs: who plays, in which category, under which limit, and which questions.</summary>
public sealed record SessionStartRequest
{
    /// <summary>The player (<c>players.id</c>).</summary>
    public required Guid PlayerId { get; init; }

    /// <summary>The category played.</summary>
    public required Guid CategoryId { get; init; }

    /// <summary>True for a wallet-connected player (the connected daily limit), false for a guest.</summary>
    public required bool IsConnected { get; init; }

    /// <summary>
    /// Candidate questions in serving order, distinct. The session takes the first
    /// <see cref="RedisGameStateOptions.QuestionsPerSession"/> that the player has not been served today in this
    /// category (the seen set is checked inside the start script), so passing more candidates than needed lets
    /// the façade skip reading the seen set first. At most 200.
    /// </summary>
    public required IReadOnlyList<SessionQuestion> Candidates { get; init; }

    /// <summary>The session's id; a new version 7 UUID when null. Reused as <c>sessions.id</c> at completion.</summary>
    public Guid? SessionId { get; init; }
}
