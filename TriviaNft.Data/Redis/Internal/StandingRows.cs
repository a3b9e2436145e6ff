using System.Data;
using Npgsql;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Redis.Internal;

/// <summary>Reads the seven columns every <see cref="LeaderboardSourceSql"/> query returns, by position.</summary>
internal static class StandingRows
{
    public static LeaderboardStanding Read(NpgsqlDataReader reader) => new()
    {
        StakeKey = reader.GetString(0),
        Points = reader.GetInt32(1),
        NftsMinted = reader.GetInt32(2),
        PerfectScores = reader.GetInt32(3),
        AvgAnswerMs = reader.GetInt32(4),
        SessionsUsed = reader.GetInt32(5),
        FirstAchievedAt = reader.GetFieldValue<DateTimeOffset>(6),
    };

    /// <summary>Runs <paramref name="command"/> and hands each row to <paramref name="onRow"/>, as fast as the server sends them.</summary>
    public static async Task ForEachAsync(NpgsqlCommand command, Action<LeaderboardStanding> onRow, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onRow(Read(reader));
        }
    }

    /// <summary>Runs <paramref name="command"/> and hands its rows to <paramref name="onBatch"/> in batches; stops when it returns false.</summary>
    public static async Task<bool> ForEachBatchAsync(
        NpgsqlCommand command, int batchSize, Func<List<LeaderboardStanding>, Task<bool>> onBatch, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<LeaderboardStanding>(batchSize);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(Read(reader));
            if (batch.Count == batchSize)
            {
                if (!await onBatch(batch).ConfigureAwait(false))
                {
                    return false;
                }

                batch = new List<LeaderboardStanding>(batchSize);
            }
        }

        return batch.Count == 0 || await onBatch(batch).ConfigureAwait(false);
    }
}
