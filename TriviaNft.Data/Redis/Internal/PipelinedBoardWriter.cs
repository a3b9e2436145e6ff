using StackExchange.Redis;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Redis.Internal;

/// <summary>
/// Writes rebuild batches into a temporary board and member index without waiting for each reply: one variadic
/// ZADD and one HSET per batch, a few batches in flight while the next one is read from PostgreSQL. The
/// temporary keys get a TTL so an interrupted rebuild cleans up after itself; the swap removes it.
/// </summary>
internal sealed class PipelinedBoardWriter(IDatabaseAsync database, RedisKey board, RedisKey members)
{
    private static readonly TimeSpan AbandonedRebuildTtl = TimeSpan.FromHours(1);
    private const int MaxBatchesInFlight = 4;
    private readonly Queue<Task> _inFlight = new();
    private bool _expirySet;

    /// <summary>Queues <paramref name="batch"/>; waits only when too many batches are unanswered.</summary>
    public async Task WriteAsync(IReadOnlyList<LeaderboardStanding> batch)
    {
        var entries = new SortedSetEntry[batch.Count];
        var index = new HashEntry[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (score, member) = LeaderboardEncoding.Encode(batch[i]);
            entries[i] = new SortedSetEntry(member, score);
            index[i] = new HashEntry(batch[i].StakeKey, member);
        }

        _inFlight.Enqueue(database.SortedSetAddAsync(board, entries));
        _inFlight.Enqueue(database.HashSetAsync(members, index));
        if (!_expirySet)
        {
            // Commands to one node run in the order sent, so the keys exist when their EXPIRE arrives.
            _inFlight.Enqueue(database.KeyExpireAsync(board, AbandonedRebuildTtl));
            _inFlight.Enqueue(database.KeyExpireAsync(members, AbandonedRebuildTtl));
            _expirySet = true;
        }

        while (_inFlight.Count > MaxBatchesInFlight * 2)
        {
            await _inFlight.Dequeue().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every queued write.</summary>
    public async Task FlushAsync()
    {
        while (_inFlight.Count > 0)
        {
            await _inFlight.Dequeue().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every queued write, ignoring failures (the rebuild is being abandoned).</summary>
    public async Task DrainAsync()
    {
        while (_inFlight.Count > 0)
        {
            try
            {
                await _inFlight.Dequeue().ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Abandoning: the temporary keys are deleted (or expire) anyway.
            }
        }
    }
}
