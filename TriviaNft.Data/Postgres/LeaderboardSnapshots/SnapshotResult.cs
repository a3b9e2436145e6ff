namespace TriviaNft.Data.Postgres.LeaderboardSnapshots;

/// <summary>What taking a snapshot did.</summary>
public sealed record SnapshotResult
{
    /// <summary>The season.</summary>
    public required string SeasonId { get; init; }

    /// <summary>The snapshot's day.</summary>
    public DateOnly SnapshotDate { get; init; }

    /// <summary>Lines in the snapshot now (ranks 1 to this).</summary>
    public int Rows { get; init; }

    /// <summary>Lines inserted or changed; 0 when the same day is taken again with unchanged standings.</summary>
    public int Written { get; init; }

    /// <summary>Lines of an earlier run of the same day whose wallet is no longer shown (removed).</summary>
    public int Removed { get; init; }
}
