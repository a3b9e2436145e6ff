namespace TriviaNft.Data.Redis.Sessions;

/// <summary>The outcome of serving or answering a question, with the state after it (null when not found).</summary>
/// <param name="Status">What happened; only <see cref="SessionStepStatus.Ok"/> changed anything.</param>
/// <param name="Session">The session's state after the step.</param>
public sealed record SessionStepResult(SessionStepStatus Status, ActiveSession? Session);
