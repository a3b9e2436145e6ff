namespace TriviaNft.Data.Jobs;

/// <summary>The jobs' names: the CLI's arguments, the Lambda payload's <c>job</c>, the schedules' names and the metrics' dimension.</summary>
public static class JobNames
{
    /// <summary>Creates the next season ahead of time and switches seasons at the boundary.</summary>
    public const string SeasonRollover = "season-rollover";

    /// <summary>Records every current season's leaderboard for the game day that just ended.</summary>
    public const string LeaderboardSnapshot = "leaderboard-snapshot";

    /// <summary>Marks active eligibilities past their window as expired.</summary>
    public const string EligibilityExpiry = "eligibility-expiry";

    /// <summary>Deletes guests inactive beyond the retention period, with their sessions.</summary>
    public const string GuestPurge = "guest-purge";

    /// <summary>Compares the Redis leaderboards with PostgreSQL and rebuilds a board that drifted.</summary>
    public const string LeaderboardCheck = "leaderboard-check";

    /// <summary>Counts mints and forges pending past the timeout (reported, never changed).</summary>
    public const string StalePending = "stale-pending";
}

/// <summary>The gauges jobs report besides rows and duration; the CDK stack's alarms watch them.</summary>
public static class JobMetricNames
{
    /// <summary>Wallets whose Redis leaderboard entry differs from PostgreSQL, before the rebuild (leaderboard-check).</summary>
    public const string LeaderboardDriftWallets = "LeaderboardDriftWallets";

    /// <summary>Mints and forges pending longer than the timeout (stale-pending).</summary>
    public const string StalePendingOperations = "StalePendingOperations";

    /// <summary>1 when no season takes points at the run's instant (season-rollover).</summary>
    public const string SeasonGap = "SeasonGap";

    /// <summary>Wallet sessions recorded without season points since the last season ended (season-rollover, during a gap).</summary>
    public const string UnseasonedSessions = "UnseasonedSessions";
}
