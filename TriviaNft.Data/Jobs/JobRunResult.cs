namespace TriviaNft.Data.Jobs;

/// <summary>How a job run ended.</summary>
public enum JobRunStatus
{
    /// <summary>The job did its work (or, in a dry run, counted it).</summary>
    Succeeded,

    /// <summary>Another runner holds the job: this one did nothing.</summary>
    AlreadyRunning,

    /// <summary>The job failed; what it committed before stays (each batch is whole), a rerun finishes the work.</summary>
    Failed,
}

/// <summary>One job run, as the CLI, the Lambda and the scheduler report it.</summary>
public sealed record JobRunResult
{
    /// <summary>The job.</summary>
    public required string Job { get; init; }

    /// <summary>The instant the run acted as of.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>True when nothing was written.</summary>
    public bool DryRun { get; init; }

    /// <summary>How it ended.</summary>
    public JobRunStatus Status { get; init; }

    /// <summary>Rows the job changed (or would change).</summary>
    public long RowsAffected { get; init; }

    /// <summary>The job's own summary line, or why it did not run.</summary>
    public required string Summary { get; init; }

    /// <summary>The job's gauges (<see cref="JobMetricNames"/>).</summary>
    public IReadOnlyDictionary<string, long> Gauges { get; init; } = new Dictionary<string, long>();

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The failure's message when <see cref="Status"/> is <see cref="JobRunStatus.Failed"/>.</summary>
    public string? Error { get; init; }
}

/// <summary>A job's schedule and history, as <c>jobs list</c> shows it.</summary>
public sealed record JobStatus
{
    /// <summary>The job.</summary>
    public required string Job { get; init; }

    /// <summary>What it does.</summary>
    public required string Description { get; init; }

    /// <summary>When it runs, e.g. "daily at 00:00".</summary>
    public required string Schedule { get; init; }

    /// <summary>The scheduled instant of the last successful run; null when it never ran.</summary>
    public DateTimeOffset? LastRunFor { get; init; }

    /// <summary>The next scheduled instant after the listing's instant.</summary>
    public DateTimeOffset NextRun { get; init; }

    /// <summary>True when a scheduled instant at or before the listing's instant has no successful run yet.</summary>
    public bool Due { get; init; }

    /// <summary>The scheduled instant a due run acts as of.</summary>
    public DateTimeOffset DueFor { get; init; }
}
