namespace TriviaNft.Tests.Faults;

/// <summary>
/// How big the fault suite's loads are: a bounded quick version for every CI run, or <c>TRIVIANFT_RELIABILITY=full</c>
/// (what <c>scripts/reliability.sh</c> sets) for the figures of docs/reliability.md. Daily limits are set so that
/// players are still playing when the fault comes even on a quiet machine (a limit reached before it left the Redis
/// kill unfelt), and below the category's questions ÷ 10 so nobody runs out of unseen questions.
/// </summary>
public sealed record FaultSizes(string Name, int Players, TimeSpan LoadBeforeFault, TimeSpan LoadAfterRepair, TimeSpan Outage, int DailyLimit)
{
    /// <summary>The environment variable that selects the full loads.</summary>
    public const string Variable = "TRIVIANFT_RELIABILITY";

    /// <summary>The sizes of this run.</summary>
    public static FaultSizes Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase)
            ? new FaultSizes("full", Players: 32, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), DailyLimit: 150)
            : new FaultSizes("quick", Players: 8, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1), DailyLimit: 100);

    /// <summary>
    /// Upper bound of any single call under a fault: only there so that a hang fails the test instead of stalling it
    /// (the connect timeout is 10 s, the command timeout 30 s, Redis's 5 s); never a speed requirement.
    /// </summary>
    public static TimeSpan CallBound { get; } = TimeSpan.FromSeconds(45);

    /// <summary>How long a player keeps retrying one step through a fault before it gives up (and the test fails).</summary>
    public static TimeSpan RetryBound { get; } = TimeSpan.FromSeconds(90);
}
