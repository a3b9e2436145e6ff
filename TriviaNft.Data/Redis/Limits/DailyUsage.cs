namespace TriviaNft.Data.Redis.Limits;

/// <summary>A player's sessions today against their daily limit.</summary>
/// <param name="Used">Sessions started today.</param>
/// <param name="Limit">The limit for the player's kind (guest or connected).</param>
/// <param name="ResetsAt">The next reset: midnight in the configured zone.</param>
public sealed record DailyUsage(int Used, int Limit, DateTimeOffset ResetsAt)
{
    /// <summary>Sessions still allowed today.</summary>
    public int Remaining => Math.Max(0, Limit - Used);
}
