namespace TriviaNft.Data.Redis.Sessions;

/// <summary>The outcome of serving or answering a question.</summary>
public enum SessionStepStatus
{
    /// <summary>Done; the result carries the updated state.</summary>
    Ok,

    /// <summary>No session of that token is active (never started, completed, expired, or another one runs).</summary>
    NotFound,

    /// <summary>Not the next question: questions are served and answered strictly in order.</summary>
    OutOfOrder,

    /// <summary>That question already has its answer; the first one stands.</summary>
    AlreadyAnswered,

    /// <summary>The question has not been served yet, so it has no deadline to answer against.</summary>
    NotServed,

    /// <summary>Every question is answered; nothing is left to serve.</summary>
    Finished,
}
