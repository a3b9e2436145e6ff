namespace TriviaNft.Data.Postgres.SeasonPoints;

/// <summary>
/// Reads season leaderboards from <c>season_points</c> in the order of design.md §9 (points desc, nfts_minted
/// desc, perfect_scores desc, avg_answer_ms asc, sessions_used asc, first_achieved_at asc, then stake key), the
/// order the Redis leaderboards must match. Guests and players without a username are not ranked. From the reader.
/// </summary>
public interface ISeasonPointsStore
{
    /// <summary>The entries ranked <paramref name="fromRank"/> to <paramref name="fromRank"/> + <paramref name="limit"/> − 1.</summary>
    /// <exception cref="Errors.DataValidationException">The season id or the page is malformed.</exception>
    Task<IReadOnlyList<LeaderboardEntry>> GetPageAsync(string seasonId, int fromRank = 1, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <paramref name="limit"/> entries after <paramref name="after"/> (keyset paging: stable while scores
    /// change, and cheap deep into the board). Ranks continue from <paramref name="after"/>'s rank.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The season id, the cursor or the page size is malformed.</exception>
    Task<IReadOnlyList<LeaderboardEntry>> GetPageAfterAsync(string seasonId, LeaderboardEntry after, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <paramref name="stakeKey"/>'s entry, ranked as the number of shown wallets strictly ahead of it plus one;
    /// null when it has no points this season or is not shown (a guest, or no username).
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The season id or stake key is malformed.</exception>
    Task<LeaderboardEntry?> GetRankAsync(string seasonId, string stakeKey, CancellationToken cancellationToken = default);
}
