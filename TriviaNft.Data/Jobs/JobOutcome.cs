namespace TriviaNft.Data.Jobs;

/// <summary>What a job did (or, in a dry run, would do).</summary>
public sealed record JobOutcome
{
    /// <summary>Rows inserted, updated or deleted (or, in a dry run, that would be).</summary>
    public long RowsAffected { get; init; }

    /// <summary>One readable line, e.g. "expired 12 eligibilities".</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// Job-specific gauges that alarms watch (<see cref="JobMetricNames"/>), e.g. the wallets a leaderboard
    /// check found different. Empty when the job has none.
    /// </summary>
    public IReadOnlyDictionary<string, long> Gauges { get; init; } = new Dictionary<string, long>();
}
