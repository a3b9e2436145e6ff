using Npgsql;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

public sealed partial class RedisLeaderboardRebuilder
{
    /// <inheritdoc />
    public async Task<LeaderboardCheckResult> CheckAsync(LeaderboardId board, CancellationToken cancellationToken = default)
    {
        long compared = 0;
        LeaderboardCheckResult? mismatch = null;
        await ForEachOrderedBatchAsync(board, async expected =>
        {
            var actual = await RedisCall.RunAsync(() =>
                _redis.SortedSetRangeByRankWithScoresAsync(board.Keys.Board, compared, compared + expected.Count - 1)).ConfigureAwait(false);
            for (var i = 0; i < expected.Count; i++)
            {
                var redis = i < actual.Length ? LeaderboardEncoding.Decode(actual[i].Score, (string)actual[i].Element!) : null;
                if (redis != expected[i])
                {
                    mismatch = new LeaderboardCheckResult(board, compared, compared + 1, expected[i], redis);
                    return false;
                }

                compared++;
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (mismatch is not null)
        {
            return mismatch;
        }

        // SQL is exhausted: Redis must be too.
        var extra = await RedisCall.RunAsync(() => _redis.SortedSetRangeByRankWithScoresAsync(board.Keys.Board, compared, compared)).ConfigureAwait(false);
        return extra.Length == 0
            ? new LeaderboardCheckResult(board, compared, null, null, null)
            : new LeaderboardCheckResult(board, compared, compared + 1, null, LeaderboardEncoding.Decode(extra[0].Score, (string)extra[0].Element!));
    }

    /// <summary>
    /// Hands the board's rows to <paramref name="onBatch"/> in §9 order until it returns false. The global board
    /// pages with a keyset cursor (the last row), one short query per page; a category board streams one query.
    /// </summary>
    private async Task ForEachOrderedBatchAsync(
        LeaderboardId board, Func<List<LeaderboardStanding>, Task<bool>> onBatch, CancellationToken cancellationToken)
    {
        var batchSize = _options.RebuildBatchSize;
        if (board.CategoryId is not null)
        {
            var sql = "SELECT * FROM (" + CategorySql(string.Empty, string.Empty) + ") s ORDER BY " + LeaderboardSourceSql.Order;
            await Db.ReadAsync(database.Writer, async connection =>
            {
                await using var command = Command(connection, sql, board, null);
                return await StandingRows.ForEachBatchAsync(command, batchSize, onBatch, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        LeaderboardStanding? cursor = null;
        while (true)
        {
            var page = await Db.ReadAsync(database.Writer, async connection =>
            {
                await using var command = Command(connection, cursor is null ? LeaderboardSourceSql.GlobalFirstPage : LeaderboardSourceSql.GlobalNextPage, board, null);
                command.Parameters.AddWithValue("limit", batchSize);
                if (cursor is not null)
                {
                    AddCursor(command, cursor);
                }

                var rows = new List<LeaderboardStanding>(batchSize);
                await StandingRows.ForEachBatchAsync(command, batchSize, b => { rows.AddRange(b); return Task.FromResult(true); }, cancellationToken).ConfigureAwait(false);
                return rows;
            }, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0 || !await onBatch(page).ConfigureAwait(false) || page.Count < batchSize)
            {
                return;
            }

            cursor = page[^1];
        }
    }

    private static void AddCursor(NpgsqlCommand command, LeaderboardStanding cursor)
    {
        command.Parameters.AddWithValue("points", cursor.Points);
        command.Parameters.AddWithValue("nftsMinted", cursor.NftsMinted);
        command.Parameters.AddWithValue("perfectScores", cursor.PerfectScores);
        command.Parameters.AddWithValue("avgAnswerMs", cursor.AvgAnswerMs);
        command.Parameters.AddWithValue("sessionsUsed", cursor.SessionsUsed);
        command.Parameters.AddWithValue("firstAchievedAt", cursor.FirstAchievedAt.ToUniversalTime());
        command.Parameters.AddWithValue("stakeKey", cursor.StakeKey);
    }
}
