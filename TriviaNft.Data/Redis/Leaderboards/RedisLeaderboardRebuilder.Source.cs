using Npgsql;
using NpgsqlTypes;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

public sealed partial class RedisLeaderboardRebuilder
{
    /// <summary>
    /// Hands every shown row of <paramref name="board"/> (changed since <paramref name="since"/>, when given) to
    /// <paramref name="onBatch"/>. A whole global board pages by stake key, one short query per batch (proxy
    /// friendly, cheap at any depth). A category board, or the few rows of a catch-up, is one query streamed in
    /// batches: an aggregate (or a filter on a column without an index) is best computed in one pass.
    /// </summary>
    private async Task ForEachBatchAsync(
        LeaderboardId board, NpgsqlDataSource source, DateTimeOffset? since,
        Func<List<LeaderboardStanding>, Task<bool>> onBatch, CancellationToken cancellationToken)
    {
        var batchSize = _options.RebuildBatchSize;
        if (board.CategoryId is not null || since is not null)
        {
            var sql = board.CategoryId is null
                ? LeaderboardSourceSql.Global + LeaderboardSourceSql.GlobalChangedSince
                : CategorySql(since is null ? string.Empty : LeaderboardSourceSql.CategorySessionsChangedSince, string.Empty);
            await Db.ReadAsync(source, async connection =>
            {
                await using var command = Command(connection, sql, board, since);
                return await StandingRows.ForEachBatchAsync(command, batchSize, onBatch, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        const string page = LeaderboardSourceSql.Global + LeaderboardSourceSql.RebuildPage;
        var after = string.Empty;
        while (true)
        {
            var batch = await Db.ReadAsync(source, async connection =>
            {
                await using var command = Command(connection, page, board, since);
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("limit", batchSize);
                var rows = new List<LeaderboardStanding>(batchSize);
                await StandingRows.ForEachBatchAsync(command, batchSize, b => { rows.AddRange(b); return Task.FromResult(true); }, cancellationToken).ConfigureAwait(false);
                return rows;
            }, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0 || !await onBatch(batch).ConfigureAwait(false) || batch.Count < batchSize)
            {
                return;
            }

            after = batch[^1].StakeKey;
        }
    }

    private Task<LeaderboardStanding?> ReadWalletAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken)
    {
        var sql = board.CategoryId is null
            ? LeaderboardSourceSql.Global + LeaderboardSourceSql.GlobalOneWallet
            : CategorySql(LeaderboardSourceSql.CategorySessionsOfWallet, LeaderboardSourceSql.CategoryMintsOfWallet);
        return Db.ReadAsync(database.Writer, async connection =>
        {
            await using var command = Command(connection, sql, board, null);
            command.Parameters.AddWithValue("stakeKey", stakeKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StandingRows.Read(reader) : null;
        }, cancellationToken);
    }

    private Task<DateTimeOffset> DatabaseNowAsync(CancellationToken cancellationToken) =>
        Db.ReadAsync(database.Writer, async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT now()", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return reader.GetFieldValue<DateTimeOffset>(0);
        }, cancellationToken);

    private static string CategorySql(string sessionsFilter, string mintsFilter) =>
        LeaderboardSourceSql.CategoryTemplate.Replace("{0}", sessionsFilter, StringComparison.Ordinal).Replace("{1}", mintsFilter, StringComparison.Ordinal);

    /// <summary>A command with the board's parameters: @season; for a category also @category and the point rules.</summary>
    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, LeaderboardId board, DateTimeOffset? since)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("season", board.SeasonId);
        if (board.CategoryId is { } category)
        {
            command.Parameters.AddWithValue("category", category);
            command.Parameters.AddWithValue("perCorrect", _options.PointsPerCorrectAnswer);
            command.Parameters.AddWithValue("bonus", _options.PerfectSessionBonus);
            command.Parameters.AddWithValue("questions", _options.QuestionsPerSession);
        }

        if (since is { } instant)
        {
            command.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, instant.ToUniversalTime());
        }

        return command;
    }
}
