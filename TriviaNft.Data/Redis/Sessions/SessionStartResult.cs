namespace TriviaNft.Data.Redis.Sessions;

/// <summary>
/// What a start attempt did. Only <see cref="Started"/> took anything (the lock, one daily session, the state);
/// every other case left Redis as it was.
/// </summary>
public abstract record SessionStartResult
{
    private SessionStartResult()
    {
    }

    /// <summary>The session started: the lock is held and the day's counter counts it.</summary>
    /// <param name="Session">Its initial state; no question is served yet.</param>
    /// <param name="DailyUsed">Sessions started today including this one.</param>
    /// <param name="DailyLimit">The limit that applied.</param>
    /// <param name="DailyResetsAt">When today's counter resets.</param>
    public sealed record Started(ActiveSession Session, int DailyUsed, int DailyLimit, DateTimeOffset DailyResetsAt) : SessionStartResult;

    /// <summary>The last session completed less than the cooldown ago.</summary>
    /// <param name="Until">When a start becomes possible.</param>
    /// <param name="Remaining">How long until then.</param>
    public sealed record CoolingDown(DateTimeOffset Until, TimeSpan Remaining) : SessionStartResult;

    /// <summary>The player has started the day's allowance already.</summary>
    /// <param name="Used">Sessions started today.</param>
    /// <param name="Limit">The limit that applied.</param>
    /// <param name="ResetsAt">The next reset (midnight in the configured zone).</param>
    public sealed record LimitReached(int Used, int Limit, DateTimeOffset ResetsAt) : SessionStartResult;

    /// <summary>Another session of the player is in play.</summary>
    /// <param name="SessionId">That session, when its state is still there.</param>
    public sealed record AlreadyActive(Guid? SessionId) : SessionStartResult;

    /// <summary>Too few candidates are unseen today; pass more (or read the seen set and pick around it).</summary>
    /// <param name="Unseen">Candidates not yet served today.</param>
    /// <param name="Needed">Questions a session needs.</param>
    public sealed record NotEnoughQuestions(int Unseen, int Needed) : SessionStartResult;
}
