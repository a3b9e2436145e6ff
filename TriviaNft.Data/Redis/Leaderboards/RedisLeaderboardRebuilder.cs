using System.Diagnostics;
using StackExchange.Redis;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// Redis implementation of <see cref="ILeaderboardRebuilder"/> over <see cref="LeaderboardSourceSql"/>. Bulk reads
/// go to the reader endpoint; the catch-up, refresh and check read the writer (they must see the latest commits).
/// </summary>
public sealed partial class RedisLeaderboardRebuilder(
    IConnectionMultiplexer multiplexer, TriviaNftDatabase database, RedisGameStateOptions? options = null) : ILeaderboardRebuilder
{
    // Rows stamped this long before the rebuild began may still have been invisible to it (replica lag, a
    // transaction stamped with its start time that committed late): re-apply them too. Transactions are short.
    private static readonly TimeSpan CatchUpMargin = TimeSpan.FromSeconds(10);
    private const int CatchUpChunk = 1_000;
    private readonly IDatabase _redis = multiplexer.GetDatabase(0);
    private readonly RedisGameStateOptions _options = (options ?? RedisGameStateOptions.Default).EnsureValid();

    /// <inheritdoc />
    public async Task<LeaderboardRebuildResult> RebuildAsync(LeaderboardId board, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var since = await DatabaseNowAsync(cancellationToken).ConfigureAwait(false) - CatchUpMargin;
        var source = await ReadBoardAsync(board, cancellationToken).ConfigureAwait(false);
        var read = Stopwatch.GetTimestamp();
        var keys = board.Keys;
        var runId = Guid.NewGuid().ToString("N");
        var (tempBoard, tempMembers) = (keys.RebuildBoard(runId), keys.RebuildMembers(runId));
        var writer = new PipelinedBoardWriter(_redis, tempBoard, tempMembers);
        try
        {
            await writer.WriteAsync(source, _options.RebuildBatchSize, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
            await SwapAsync(keys, tempBoard, tempMembers, source.Count).ConfigureAwait(false);
        }
        catch
        {
            await writer.DrainAsync().ConfigureAwait(false);
            await _redis.KeyDeleteAsync([tempBoard, tempMembers], CommandFlags.FireAndForget).ConfigureAwait(false);
            throw;
        }

        var written = Stopwatch.GetTimestamp();
        var caughtUp = await CatchUpAsync(board, since, cancellationToken).ConfigureAwait(false);
        return new LeaderboardRebuildResult(board, source.Count, caughtUp, Stopwatch.GetElapsedTime(started))
        {
            ReadElapsed = Stopwatch.GetElapsedTime(started, read),
            WriteElapsed = Stopwatch.GetElapsedTime(read, written),
            CatchUpElapsed = Stopwatch.GetElapsedTime(written),
        };
    }

    /// <inheritdoc />
    public async Task<LeaderboardStanding?> RefreshAsync(LeaderboardId board, string stakeKey, CancellationToken cancellationToken = default)
    {
        Data.Internal.Guard.StakeKey(stakeKey, "leaderboard.stake_key");
        var standing = await ReadWalletAsync(board, stakeKey, cancellationToken).ConfigureAwait(false);
        var script = standing is null ? RedisLeaderboardStore.RemoveScript : RedisLeaderboardStore.UpdateScript;
        RedisValue[] args = standing is null ? [stakeKey] : RedisLeaderboardStore.Arguments(standing);
        await RedisCall.RunAsync(() => _redis.ScriptEvaluateAsync(script, RedisLeaderboardStore.Keys(board), args)).ConfigureAwait(false);
        return standing;
    }

    // The old keys go first with UNLINK (SE.Redis sends it for KeyDelete): a RENAME onto an existing key would
    // free the old million-entry board inline, stalling every reader of the node; UNLINK frees it on a background
    // thread. Inside MULTI readers still see the old board or the new one, never none. RENAME carries the
    // temporary keys' TTL along, so PERSIST follows each one. All keys share the board's hash tag: one slot.
    private async Task SwapAsync(LeaderboardKeys keys, RedisKey tempBoard, RedisKey tempMembers, long count)
    {
        var transaction = _redis.CreateTransaction();
        Task[] steps = count == 0
            ? [transaction.KeyDeleteAsync([keys.Board, keys.Members])]
            :
            [
                transaction.KeyDeleteAsync([keys.Board, keys.Members]),
                transaction.KeyRenameAsync(tempBoard, keys.Board), transaction.KeyPersistAsync(keys.Board),
                transaction.KeyRenameAsync(tempMembers, keys.Members), transaction.KeyPersistAsync(keys.Members),
            ];
        if (!await RedisCall.RunAsync(() => transaction.ExecuteAsync()).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The swap of rebuilt leaderboard {keys.Tag} was not executed.");
        }

        await Task.WhenAll(steps).ConfigureAwait(false);
    }

    // One script per thousand wallets: few round trips, and no shard is blocked for long by one script.
    private async Task<long> CatchUpAsync(LeaderboardId board, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var keys = RedisLeaderboardStore.Keys(board);
        var updates = new List<Task>();
        long count = 0;
        await ForEachChangedBatchAsync(board, since, batch =>
        {
            count += batch.Count;
            updates.AddRange(batch.Chunk(CatchUpChunk)
                .Select(chunk => _redis.ScriptEvaluateAsync(RedisLeaderboardStore.UpdateScript, keys, RedisLeaderboardStore.Arguments(chunk))));
            return Task.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);
        await RedisCall.RunAsync(async () => { await Task.WhenAll(updates).ConfigureAwait(false); return 0; }).ConfigureAwait(false);
        return count;
    }
}
