using StackExchange.Redis;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// Redis implementation of <see cref="ILeaderboardStore"/>: a sorted set per board (<see cref="LeaderboardEncoding"/>)
/// and a hash stake key → member beside it, both under the board's hash tag. No TTL: boards live until rebuilt.
/// </summary>
public sealed partial class RedisLeaderboardStore(IConnectionMultiplexer multiplexer) : ILeaderboardStore
{
    // KEYS: 1 board, 2 members. ARGV: (stake key, score, member) triples, one per wallet (the catch-up after a
    // rebuild sends up to a thousand per call). Absolute values: replaying it changes nothing.
    internal const string UpdateScript = """
        for i = 1, #ARGV, 3 do
          local old = redis.call('HGET', KEYS[2], ARGV[i])
          if old and old ~= ARGV[i + 2] then redis.call('ZREM', KEYS[1], old) end
          redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i + 2])
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
        end
        return #ARGV / 3
        """;

    // KEYS: 1 board, 2 members. ARGV: 1 stake key.
    internal const string RemoveScript = """
        local old = redis.call('HGET', KEYS[2], ARGV[1])
        if not old then return 0 end
        redis.call('ZREM', KEYS[1], old)
        redis.call('HDEL', KEYS[2], ARGV[1])
        return 1
        """;

    private readonly IDatabase _database = multiplexer.GetDatabase(0);

    /// <inheritdoc />
    public Task UpdateAsync(LeaderboardId board, LeaderboardStanding standing, CancellationToken cancellationToken = default)
    {
        var args = Arguments(standing);
        return RedisCall.RunAsync(() => _database.ScriptEvaluateAsync(UpdateScript, Keys(board), args));
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default)
    {
        Guard.StakeKey(stakeKey, "leaderboard.stake_key");
        var reply = await RedisCall.RunAsync(() => _database.ScriptEvaluateAsync(RemoveScript, Keys(board), [stakeKey])).ConfigureAwait(false);
        return (int)reply == 1;
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(LeaderboardId board, CancellationToken cancellationToken = default) =>
        await RedisCall.RunAsync(() => _database.SortedSetLengthAsync(board.Keys.Board)).ConfigureAwait(false);

    /// <summary>The script arguments of an update of <paramref name="standings"/>: a (stake key, score, member) triple each.</summary>
    internal static RedisValue[] Arguments(params IReadOnlyCollection<LeaderboardStanding> standings)
    {
        var args = new RedisValue[standings.Count * 3];
        var i = 0;
        foreach (var standing in standings)
        {
            var (score, member) = LeaderboardEncoding.Encode(standing);
            (args[i], args[i + 1], args[i + 2]) = (standing.StakeKey, score, member);
            i += 3;
        }

        return args;
    }

    /// <summary>The script keys of <paramref name="board"/>: the sorted set, then the member index (one slot).</summary>
    internal static RedisKey[] Keys(LeaderboardId board) => [board.Keys.Board, board.Keys.Members];
}
