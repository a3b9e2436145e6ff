using StackExchange.Redis;

namespace TriviaNft.Data.Redis.Internal;

/// <summary>
/// Writes an <see cref="EncodedBoard"/> into a temporary board and member index without waiting for each reply:
/// one variadic ZADD and one HSET per batch, in board order (one connection per node keeps the order), a few
/// batches in flight. The temporary keys get a TTL so an interrupted rebuild cleans up after itself; the swap
/// removes it.
/// </summary>
internal sealed class PipelinedBoardWriter(IDatabaseAsync database, RedisKey board, RedisKey members)
{
    private static readonly TimeSpan AbandonedRebuildTtl = TimeSpan.FromHours(1);

    // Enough to keep the node busy while the next batch is serialised; more only queues client memory.
    private const int MaxBatchesInFlight = 4;
    private readonly Queue<Task> _inFlight = new();
    private bool _expirySet;

    /// <summary>Queues every wallet of <paramref name="source"/>, <paramref name="batchSize"/> per command; waits only when too many batches are unanswered.</summary>
    public async Task WriteAsync(EncodedBoard source, int batchSize, CancellationToken cancellationToken)
    {
        for (var start = 0; start < source.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, source.Count - start);
            var entries = new SortedSetEntry[count];
            var index = new HashEntry[count];
            for (var i = 0; i < count; i++)
            {
                var member = source.Member(start + i);
                entries[i] = new SortedSetEntry(member, source.Score(start + i));
                index[i] = new HashEntry(source.StakeKey(start + i), member);
            }

            await WriteBatchAsync(entries, index).ConfigureAwait(false);
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

    private async Task WriteBatchAsync(SortedSetEntry[] entries, HashEntry[] index)
    {
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
}
