namespace TriviaNft.Data.Redis.Sessions;

/// <summary>The state of a session in play, as Redis holds it (hash <c>{p:&lt;playerId&gt;}:session</c>).</summary>
public sealed record ActiveSession
{
    /// <summary>The session's id.</summary>
    public required Guid SessionId { get; init; }

    /// <summary>The player.</summary>
    public required Guid PlayerId { get; init; }

    /// <summary>The category played.</summary>
    public required Guid CategoryId { get; init; }

    /// <summary>The lock token of the session.</summary>
    public required string Token { get; init; }

    /// <summary>True when started as a wallet-connected player.</summary>
    public required bool IsConnected { get; init; }

    /// <summary>When the session started (server clock).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the state (and the lock) lapse if the session is not completed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Time allowed per question, fixed when the session started.</summary>
    public required TimeSpan AnswerWindow { get; init; }

    /// <summary>The session's questions in serving order.</summary>
    public required IReadOnlyList<SessionQuestionState> Questions { get; init; }

    /// <summary>The index of the next question to serve and answer; equals the question count when finished.</summary>
    public required int NextIndex { get; init; }

    /// <summary>Questions answered correctly and in time so far (the session's score).</summary>
    public required int CorrectCount { get; init; }

    /// <summary>True when every question has been answered.</summary>
    public bool IsFinished => NextIndex >= Questions.Count;

    /// <summary>True when finished with every answer correct.</summary>
    public bool IsPerfect => IsFinished && CorrectCount == Questions.Count;

    /// <summary>What the caller passes to the next operation.</summary>
    public SessionHandle Handle => new(PlayerId, SessionId, CategoryId, Token);
}
