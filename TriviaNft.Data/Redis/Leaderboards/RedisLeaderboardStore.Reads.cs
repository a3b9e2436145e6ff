using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

public sealed partial class RedisLeaderboardStore
{
    // KEYS: 1 board, 2 members. ARGV: 1 stake key, 2 entries before, 3 entries after.
    // Returns the 0-based rank of the first entry, then member/score pairs; empty when the wallet is not ranked.
    private const string AroundScript = """
        local member = redis.call('HGET', KEYS[2], ARGV[1])
        if not member then return {} end
        local rank = redis.call('ZRANK', KEYS[1], member)
        if not rank then return {} end
        local from = math.max(0, rank - tonumber(ARGV[2]))
        return {tostring(from), unpack(redis.call('ZRANGE', KEYS[1], from, rank + tonumber(ARGV[3]), 'WITHSCORES'))}
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeaderboardPosition>> GetPageAsync(
        LeaderboardId board, long fromRank = 1, int limit = 50, CancellationToken cancellationToken = default)
    {
        if (fromRank < 1)
        {
            throw new Errors.DataValidationException("leaderboard.rank", "Ranks start at 1.");
        }

        Guard.Range(limit, "leaderboard.limit", "The page size", 1, 1000);
        var entries = await RedisCall.RunAsync(() =>
            _database.SortedSetRangeByRankWithScoresAsync(board.Keys.Board, fromRank - 1, fromRank - 2 + limit)).ConfigureAwait(false);
        return [.. entries.Select((e, i) => new LeaderboardPosition(fromRank + i, LeaderboardEncoding.Decode(e.Score, (string)e.Element!)))];
    }

    /// <inheritdoc />
    public async Task<LeaderboardPosition?> GetRankAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default)
    {
        var page = await GetAroundAsync(board, stakeKey, 0, 0, cancellationToken).ConfigureAwait(false);
        return page.Count == 1 ? page[0] : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeaderboardPosition>> GetAroundAsync(
        LeaderboardId board, string stakeKey, int before = 5, int after = 5, CancellationToken cancellationToken = default)
    {
        Guard.StakeKey(stakeKey, "leaderboard.stake_key");
        Guard.Range(before, "leaderboard.before", "Entries before", 0, 100);
        Guard.Range(after, "leaderboard.after", "Entries after", 0, 100);
        var reply = await RedisCall.ScriptAsync(_database, AroundScript, Keys(board), [stakeKey, before, after]).ConfigureAwait(false);
        if (reply.Length == 0)
        {
            return [];
        }

        var firstRank = (long)reply[0] + 1;
        var positions = new List<LeaderboardPosition>((reply.Length - 1) / 2);
        for (var i = 1; i + 1 < reply.Length; i += 2)
        {
            var score = double.Parse((string)reply[i + 1]!, System.Globalization.CultureInfo.InvariantCulture);
            positions.Add(new LeaderboardPosition(firstRank + positions.Count, LeaderboardEncoding.Decode(score, (string)reply[i]!)));
        }

        return positions;
    }
}
