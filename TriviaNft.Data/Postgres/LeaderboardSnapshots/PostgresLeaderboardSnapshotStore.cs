using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using static TriviaNft.Data.Postgres.SeasonPoints.LeaderboardSql;

namespace TriviaNft.Data.Postgres.LeaderboardSnapshots;

/// <summary>PostgreSQL implementation of <see cref="ILeaderboardSnapshotStore"/>.</summary>
/// <param name="database">The endpoints: snapshots are written on the writer, pages read from the reader.</param>
/// <param name="paging">Page limits; <see cref="PagingOptions.Default"/> when null.</param>
/// <param name="timeProvider">The clock that says what "today" is; the system clock when null.</param>
public sealed class PostgresLeaderboardSnapshotStore(
    TriviaNftDatabase database, PagingOptions? paging = null, TimeProvider? timeProvider = null) : ILeaderboardSnapshotStore
{
    private const string SnapshotDateRule = "leaderboard_snapshots.snapshot_date";
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromMinutes(10);
    private readonly PagingOptions _paging = (paging ?? PagingOptions.Default).Checked();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<SnapshotResult> TakeAsync(string seasonId, DateOnly? snapshotDate = null, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        var date = Guard.Date(snapshotDate ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), SnapshotDateRule, "The snapshot date");
        // Two runs of one season and day are serialised by a transaction-scoped lock (released at commit, safe
        // behind the proxy); the snapshot itself is one statement, so ranking, upsert and removal share one view.
        const string lockDay = """
            SELECT pg_advisory_xact_lock(hashtextextended('leaderboard_snapshots/' || @seasonId || '/' || @date::text, 0)),
                   EXISTS (SELECT 1 FROM seasons WHERE id = @seasonId)
            """;
        const string snapshot = $"""
            WITH ranked AS (
                SELECT row_number() OVER (ORDER BY {Order}) AS rank,
                       sp.stake_key, sp.points, sp.nfts_minted, sp.perfect_scores, sp.avg_answer_ms
                FROM {Shown}
                WHERE sp.season_id = @seasonId
            ), written AS (
                INSERT INTO leaderboard_snapshots AS ls
                    (season_id, snapshot_date, stake_key, rank, points, nfts_minted, perfect_scores, avg_answer_ms)
                SELECT @seasonId, @date, stake_key, rank, points, nfts_minted, perfect_scores, avg_answer_ms FROM ranked
                ON CONFLICT (season_id, snapshot_date, stake_key) DO UPDATE SET
                    rank = EXCLUDED.rank, points = EXCLUDED.points, nfts_minted = EXCLUDED.nfts_minted,
                    perfect_scores = EXCLUDED.perfect_scores, avg_answer_ms = EXCLUDED.avg_answer_ms
                WHERE (ls.rank, ls.points, ls.nfts_minted, ls.perfect_scores, ls.avg_answer_ms)
                      IS DISTINCT FROM (EXCLUDED.rank, EXCLUDED.points, EXCLUDED.nfts_minted, EXCLUDED.perfect_scores, EXCLUDED.avg_answer_ms)
                RETURNING 1
            ), removed AS (
                DELETE FROM leaderboard_snapshots ls
                WHERE ls.season_id = @seasonId AND ls.snapshot_date = @date
                  AND NOT EXISTS (SELECT 1 FROM ranked r WHERE r.stake_key = ls.stake_key)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM ranked)::int, (SELECT count(*) FROM written)::int, (SELECT count(*) FROM removed)::int
            """;
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            await using (var check = new NpgsqlCommand(lockDay, connection, transaction))
            {
                check.Parameters.Add(new NpgsqlParameter<string>("seasonId", seasonId));
                check.Parameters.Add(new NpgsqlParameter<DateOnly>("date", date));
                await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || !reader.GetBoolean(1))
                {
                    throw new DataNotFoundException("season", seasonId);
                }
            }

            // A season of a million wallets takes longer than the 30 s statement rule of the request paths: this daily
            // statement gets its own limit, for this transaction only (SET LOCAL is safe behind the proxy).
            await using (var limit = new NpgsqlCommand($"SET LOCAL statement_timeout = '{(int)SnapshotTimeout.TotalSeconds}s'", connection, transaction))
            {
                await limit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var command = new NpgsqlCommand(snapshot, connection, transaction) { CommandTimeout = (int)SnapshotTimeout.TotalSeconds };
            command.Parameters.Add(new NpgsqlParameter<string>("seasonId", seasonId));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("date", date));
            await using var counts = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await counts.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new SnapshotResult
            {
                SeasonId = seasonId, SnapshotDate = date, Rows = counts.GetInt32(0), Written = counts.GetInt32(1), Removed = counts.GetInt32(2),
            };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SnapshotEntry>> GetPageAsync(
        string seasonId, DateOnly snapshotDate, int fromRank = 1, int? limit = null, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        Guard.Date(snapshotDate, SnapshotDateRule, "The snapshot date");
        Guard.Range(fromRank, "page.from_rank", "The first rank", 1, int.MaxValue);
        var pageSize = _paging.Limit(limit);
        Guard.Page(fromRank - 1, pageSize, _paging.MaxPageSize);
        // A range of idx_leaderboard_snapshots_rank: ranks are contiguous, so "from rank" needs no OFFSET.
        const string sql = """
            SELECT rank, stake_key, points, nfts_minted, perfect_scores, avg_answer_ms
            FROM leaderboard_snapshots
            WHERE season_id = @seasonId AND snapshot_date = @date::date AND rank >= @fromRank
            ORDER BY rank
            LIMIT @limit
            """;
        return Db.ReadAsync<IReadOnlyList<SnapshotEntry>>(database.Reader, async connection =>
            [.. await connection.QueryAsync<SnapshotEntry>(new CommandDefinition(sql,
                new { seasonId, date = snapshotDate.ToDateTime(TimeOnly.MinValue), fromRank, limit = pageSize }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }
}
