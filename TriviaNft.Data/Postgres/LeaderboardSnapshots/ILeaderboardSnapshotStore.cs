namespace TriviaNft.Data.Postgres.LeaderboardSnapshots;

/// <summary>Records a season's leaderboard for a day (the prize record), and reads it back.</summary>
public interface ILeaderboardSnapshotStore
{
    /// <summary>
    /// Snapshots <paramref name="seasonId"/>'s leaderboard for <paramref name="snapshotDate"/> (today, UTC, when
    /// null) in the order of the live leaderboard, ranks 1..n, in one transaction. Idempotent: taking the same
    /// day again rewrites only lines that changed and removes lines of wallets no longer shown, so the day always
    /// equals the standings at the last run.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">The season does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">The season id is malformed.</exception>
    Task<SnapshotResult> TakeAsync(string seasonId, DateOnly? snapshotDate = null, CancellationToken cancellationToken = default);

    /// <summary>The lines ranked <paramref name="fromRank"/> onwards of one day's snapshot, at most <paramref name="limit"/> (from the reader).</summary>
    /// <exception cref="Errors.DataValidationException">The season id or the page is malformed.</exception>
    Task<IReadOnlyList<SnapshotEntry>> GetPageAsync(string seasonId, DateOnly snapshotDate, int fromRank = 1, int? limit = null, CancellationToken cancellationToken = default);
}
