namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// Keeps the Redis leaderboards equal to PostgreSQL, their source of truth (Redis has an RPO of 24 h, design.md
/// §5): rebuilds a board from SQL, syncs one wallet after its completion commits, and checks a board against SQL.
/// </summary>
public interface ILeaderboardRebuilder
{
    /// <summary>
    /// Rebuilds <paramref name="board"/> from SQL: reads it in one statement into memory and sorts it in board
    /// order, writes temporary keys of the board's hash tag in that order (batches, pipelined), swaps them in
    /// atomically (UNLINK and RENAME inside MULTI), then re-applies the rows that changed while it ran. Readers
    /// see the old board until the swap and the new one after it; a row outside the encoding's range fails the
    /// rebuild before anything is written.
    /// </summary>
    Task<LeaderboardRebuildResult> RebuildAsync(LeaderboardId board, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the wallet's entry on <paramref name="board"/> from SQL (read from the writer: call it after the
    /// completion commits), or removes it when SQL does not show the wallet. Returns the standing applied.
    /// </summary>
    Task<LeaderboardStanding?> RefreshAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default);

    /// <summary>Compares <paramref name="board"/> with SQL page by page, in order; reports the first difference.</summary>
    Task<LeaderboardCheckResult> CheckAsync(LeaderboardId board, CancellationToken cancellationToken = default);
}
