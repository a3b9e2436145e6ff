namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>How a session ended (<c>chk_status</c>).</summary>
public enum SessionStatus
{
    /// <summary>At least <see cref="GameRules.WinThreshold"/> correct answers.</summary>
    Won,

    /// <summary>Fewer correct answers than the win threshold.</summary>
    Lost,

    /// <summary>Abandoned or timed out: a loss, never perfect, whatever the score.</summary>
    Forfeit,
}
