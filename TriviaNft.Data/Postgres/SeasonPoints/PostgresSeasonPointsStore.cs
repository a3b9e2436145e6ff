using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using static TriviaNft.Data.Postgres.SeasonPoints.LeaderboardSql;

namespace TriviaNft.Data.Postgres.SeasonPoints;

/// <summary>PostgreSQL implementation of <see cref="ISeasonPointsStore"/>.</summary>
/// <param name="database">The endpoints: leaderboards are stale-tolerant, so every read uses the reader.</param>
/// <param name="paging">Page limits; <see cref="PagingOptions.Default"/> when null.</param>
public sealed class PostgresSeasonPointsStore(TriviaNftDatabase database, PagingOptions? paging = null) : ISeasonPointsStore
{
    private readonly PagingOptions _paging = (paging ?? PagingOptions.Default).Checked();

    /// <inheritdoc />
    public Task<IReadOnlyList<LeaderboardEntry>> GetPageAsync(string seasonId, int fromRank = 1, int? limit = null, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        Guard.Range(fromRank, "page.from_rank", "The first rank", 1, int.MaxValue);
        var pageSize = _paging.Limit(limit);
        Guard.Page(fromRank - 1, pageSize, _paging.MaxPageSize);
        // The window and the ORDER BY share one sort, read in order from idx_season_points_leaderboard with an
        // incremental sort of the ties, and LIMIT stops it after the page.
        const string sql = $"""
            SELECT row_number() OVER (ORDER BY {Order}) AS rank, {Columns}
            FROM {Shown}
            WHERE sp.season_id = @seasonId
            ORDER BY {Order}
            OFFSET @offset LIMIT @limit
            """;
        return ListAsync(sql, new { seasonId, offset = fromRank - 1, limit = pageSize }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeaderboardEntry>> GetPageAfterAsync(string seasonId, LeaderboardEntry after, int? limit = null, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        ArgumentNullException.ThrowIfNull(after);
        Guard.StakeKey(after.StakeKey, "page.after");
        Guard.Instant(after.FirstAchievedAt, "page.after", "The cursor's first_achieved_at");
        if (after.Rank < 1 || after.Points < 0 || after.NftsMinted < 0 || after.PerfectScores < 0 || after.AvgAnswerMs < 0 || after.SessionsUsed < 0)
        {
            throw new DataValidationException("page.after", "The cursor must be an entry of this leaderboard.");
        }

        var pageSize = _paging.Limit(limit);
        Guard.Page(0, pageSize, _paging.MaxPageSize);
        // points <= the cursor's lets the index skip everything ahead; the row comparison does the exact cut.
        const string sql = $"""
            SELECT @afterRank + row_number() OVER (ORDER BY {Order}) AS rank, {Columns}
            FROM {Shown}
            WHERE sp.season_id = @seasonId AND sp.points <= @points
              AND {SortKey} > (-@points, -@nftsMinted, -@perfectScores, @avgAnswerMs, @sessionsUsed, @firstAchievedAt, @stakeKey COLLATE "C")
            ORDER BY {Order}
            LIMIT @limit
            """;
        return ListAsync(sql, new
        {
            seasonId, afterRank = after.Rank, after.Points, after.NftsMinted, after.PerfectScores, after.AvgAnswerMs,
            after.SessionsUsed, after.FirstAchievedAt, after.StakeKey, limit = pageSize,
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LeaderboardEntry?> GetRankAsync(string seasonId, string stakeKey, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        Guard.StakeKey(stakeKey);
        // "Ahead" is the same total order as the pages, so the rank equals the wallet's position in them.
        const string sql = $"""
            WITH me AS (
                SELECT {Columns} FROM {Shown}
                WHERE sp.season_id = @seasonId AND sp.stake_key = @stakeKey
            )
            SELECT (SELECT count(*) FROM {Shown}
                    WHERE sp.season_id = @seasonId AND sp.points >= me.points
                      AND {SortKey} < (-me.points, -me.nfts_minted, -me.perfect_scores, me.avg_answer_ms, me.sessions_used,
                                       me.first_achieved_at, me.stake_key COLLATE "C")) + 1 AS rank,
                   me.stake_key, me.username, me.points, me.nfts_minted, me.perfect_scores, me.avg_answer_ms,
                   me.sessions_used, me.first_achieved_at
            FROM me
            """;
        return Db.ReadAsync(database.Reader, connection => connection.QuerySingleOrDefaultAsync<LeaderboardEntry?>(
            new CommandDefinition(sql, new { seasonId, stakeKey }, cancellationToken: cancellationToken)), cancellationToken);
    }

    private Task<IReadOnlyList<LeaderboardEntry>> ListAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        Db.ReadAsync<IReadOnlyList<LeaderboardEntry>>(database.Reader, async connection =>
            [.. await connection.QueryAsync<LeaderboardEntry>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
}
