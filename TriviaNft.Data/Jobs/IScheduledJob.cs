namespace TriviaNft.Data.Jobs;

/// <summary>
/// A time-driven piece of upkeep. Every job is idempotent (a second run at the same instant changes nothing), safe
/// to stop at any point (its writes are committed in short batches, so a rerun finishes the work), and acts as of
/// <see cref="JobContext.At"/>, never of the machine's clock. <see cref="JobRunner"/> makes runs exclusive.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The job's name, e.g. <c>leaderboard-snapshot</c> (<see cref="JobNames"/>).</summary>
    string Name { get; }

    /// <summary>One line on what the job does.</summary>
    string Description { get; }

    /// <summary>When it runs.</summary>
    JobSchedule Schedule { get; }

    /// <summary>Does the work as of <see cref="JobContext.At"/>; with <see cref="JobContext.DryRun"/>, only counts what it would do.</summary>
    Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken);
}
