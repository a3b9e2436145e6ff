namespace TriviaNft.Data.Jobs;

/// <summary>Settings of the scheduled jobs (configuration section <c>TriviaNft:Jobs</c>).</summary>
public sealed record JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TriviaNft:Jobs";

    /// <summary>The defaults.</summary>
    public static JobsOptions Default { get; } = new();

    /// <summary>The zone the schedules and the game day are in (the daily reset's zone).</summary>
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>How long before the active season ends the next one is created.</summary>
    public TimeSpan SeasonLeadTime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A mint or forge pending longer than this is reported as stale.</summary>
    public TimeSpan PendingTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Eligibilities expired per transaction.</summary>
    public int ExpiryBatchSize { get; init; } = 500;

    /// <summary>Transactions per expiry run at most; the next run continues.</summary>
    public int ExpiryMaxBatches { get; init; } = 200;

    /// <summary>The zone as <see cref="TimeZoneInfo"/>.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Refuses settings a job cannot work with.</summary>
    internal JobsOptions Checked()
    {
        _ = Zone;
        ArgumentOutOfRangeException.ThrowIfLessThan(SeasonLeadTime, TimeSpan.FromHours(1), nameof(SeasonLeadTime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PendingTimeout, TimeSpan.Zero, nameof(PendingTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiryBatchSize, 1, nameof(ExpiryBatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpiryBatchSize, 10_000, nameof(ExpiryBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiryMaxBatches, 1, nameof(ExpiryMaxBatches));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpiryMaxBatches, 1_000, nameof(ExpiryMaxBatches));
        return this;
    }
}
