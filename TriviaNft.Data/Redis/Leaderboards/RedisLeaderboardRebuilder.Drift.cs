using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

public sealed partial class RedisLeaderboardRebuilder
{
    private const int DriftReadChunk = 10_000;

    /// <summary>
    /// The number of wallets whose entry on <paramref name="board"/> differs from SQL: missing in Redis, extra in
    /// Redis, or with other values. Redis order is a function of the values, so equal values mean equal ranks; this
    /// counts the wallets a drift touched, not the ranks it shifted. Reads the whole board: call it after
    /// <see cref="CheckAsync"/> found a difference.
    /// </summary>
    internal async Task<long> CountDriftAsync(LeaderboardId board, CancellationToken cancellationToken)
    {
        var redis = new Dictionary<string, LeaderboardStanding>(StringComparer.Ordinal);
        for (long start = 0; ; start += DriftReadChunk)
        {
            var chunk = await RedisCall.RunAsync(() =>
                _redis.SortedSetRangeByRankWithScoresAsync(board.Keys.Board, start, start + DriftReadChunk - 1)).ConfigureAwait(false);
            foreach (var entry in chunk)
            {
                var standing = LeaderboardEncoding.Decode(entry.Score, (string)entry.Element!);
                redis[standing.StakeKey] = standing;
            }

            if (chunk.Length < DriftReadChunk)
            {
                break;
            }
        }

        long drift = 0;
        await ForEachOrderedBatchAsync(board, expected =>
        {
            foreach (var standing in expected)
            {
                if (!redis.Remove(standing.StakeKey, out var actual) || actual != standing)
                {
                    drift++;
                }
            }

            return Task.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);
        return drift + redis.Count;
    }
}
