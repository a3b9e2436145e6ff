namespace TriviaNft.Data.Jobs;

/// <summary>What a job run is asked to do.</summary>
/// <param name="At">The instant the run acts as of: its scheduled time, or the one given by hand.</param>
/// <param name="DryRun">Count and report, write nothing.</param>
public sealed record JobContext(DateTimeOffset At, bool DryRun)
{
    /// <summary>A clock fixed at <see cref="At"/>, for the stores a job drives.</summary>
    public TimeProvider Clock { get; } = new FixedClock(At);

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
