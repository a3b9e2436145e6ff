namespace TriviaNft.Data.Redis.Sessions;

/// <summary>The outcome of releasing a session after its completion or forfeit.</summary>
public enum SessionReleaseStatus
{
    /// <summary>The lock was this session's: it, the state, are gone and the cooldown runs.</summary>
    Released,

    /// <summary>A retry: this session was released before and its cooldown still runs. Nothing changed.</summary>
    AlreadyReleased,

    /// <summary>The lock had lapsed or belongs to another session: nothing of anyone else was touched, no cooldown set.</summary>
    NotHeld,
}
