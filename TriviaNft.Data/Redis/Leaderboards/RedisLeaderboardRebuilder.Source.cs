using Npgsql;
using NpgsqlTypes;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

public sealed partial class RedisLeaderboardRebuilder
{
    /// <summary>
    /// Reads every shown row of <paramref name="board"/> from the reader endpoint into memory, encoded, in board
    /// order. One statement, read as fast as the server sends it: the global board is a hash join of two
    /// sequential scans (a keyset paging by stake key measured 7× slower, one random heap fetch per row in
    /// each table), a category board one aggregate; and the statement never waits for Redis, so it stays far
    /// below the proxy's statement timeout. Encoding errors surface here, before anything is written.
    /// </summary>
    private async Task<EncodedBoard> ReadBoardAsync(LeaderboardId board, CancellationToken cancellationToken)
    {
        var sql = board.CategoryId is null ? LeaderboardSourceSql.Global : CategorySql(string.Empty, string.Empty);
        var encoded = new EncodedBoard();
        await Db.ReadAsync(database.Reader, async connection =>
        {
            await using var command = Command(connection, sql, board, null);
            await StandingRows.ForEachAsync(command, encoded.Add, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        encoded.Sort();
        return encoded;
    }

    /// <summary>
    /// Hands the rows of <paramref name="board"/> changed since <paramref name="since"/> to
    /// <paramref name="onBatch"/> in batches: one statement read from the writer (the catch-up must see the
    /// latest commits), streamed; the few rows of a catch-up are best found in one pass.
    /// </summary>
    private async Task ForEachChangedBatchAsync(
        LeaderboardId board, DateTimeOffset since, Func<List<LeaderboardStanding>, Task<bool>> onBatch, CancellationToken cancellationToken)
    {
        var sql = board.CategoryId is null
            ? LeaderboardSourceSql.Global + LeaderboardSourceSql.GlobalChangedSince
            : CategorySql(LeaderboardSourceSql.CategorySessionsChangedSince, string.Empty);
        await Db.ReadAsync(database.Writer, async connection =>
        {
            await using var command = Command(connection, sql, board, since);
            return await StandingRows.ForEachBatchAsync(command, _options.RebuildBatchSize, onBatch, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
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
