namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// The live leaderboards in Redis, in the exact order of design.md §9. Writes are idempotent (absolute values,
/// one script per update, never inside a player's script); the caller passes only eligible wallets (connected,
/// with a username). Each read is one round trip.
/// </summary>
public interface ILeaderboardStore
{
    /// <summary>Sets <paramref name="standing"/> as the wallet's entry on <paramref name="board"/>, replacing its old one.</summary>
    /// <exception cref="Errors.DataValidationException">A value is outside the exact range of <see cref="LeaderboardEncoding"/>.</exception>
    Task UpdateAsync(LeaderboardId board, LeaderboardStanding standing, CancellationToken cancellationToken = default);

    /// <summary>Removes the wallet's entry from <paramref name="board"/>; true when there was one.</summary>
    Task<bool> RemoveAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default);

    /// <summary>The entries ranked <paramref name="fromRank"/> (1-based) to <paramref name="fromRank"/> + <paramref name="limit"/> − 1.</summary>
    /// <exception cref="Errors.DataValidationException">The rank is below 1 or the limit not 1..1000.</exception>
    Task<IReadOnlyList<LeaderboardPosition>> GetPageAsync(LeaderboardId board, long fromRank = 1, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>The wallet's 1-based rank and standing, or null when it is not on the board.</summary>
    Task<LeaderboardPosition?> GetRankAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The wallet's entry with up to <paramref name="before"/> entries ahead of it and <paramref name="after"/>
    /// behind; empty when it is not on the board.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">A count is not 0..100.</exception>
    Task<IReadOnlyList<LeaderboardPosition>> GetAroundAsync(LeaderboardId board, string stakeKey, int before = 5, int after = 5, CancellationToken cancellationToken = default);

    /// <summary>How many wallets the board holds.</summary>
    Task<long> CountAsync(LeaderboardId board, CancellationToken cancellationToken = default);
}
