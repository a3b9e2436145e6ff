using StackExchange.Redis;
using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Redis.Internal;

/// <summary>
/// Runs one Redis operation and reports an unreachable or slow cluster as <see cref="DataUnavailableException"/>,
/// like the PostgreSQL side. Server errors (a script bug, CROSSSLOT) are not translated: they are defects.
/// </summary>
internal static class RedisCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RedisTimeoutException ex)
        {
            throw new DataUnavailableException("Redis did not answer in time; retry if the operation is idempotent.", ex);
        }
        catch (RedisConnectionException ex)
        {
            throw new DataUnavailableException("Redis could not be reached; retry if the operation is idempotent.", ex);
        }
        catch (RedisServerException ex) when (IsFailover(ex))
        {
            throw new DataUnavailableException($"A Redis shard is failing over ({FirstWord(ex)}); retry if the operation is idempotent.", ex);
        }
    }

    // What a cluster answers while a shard changes hands (measured by the fault suite, TriviaNft.Tests/Faults): the
    // slots' primary is down and not yet replaced (CLUSTERDOWN), a slot is moving (TRYAGAIN), a replica that lost
    // its primary refuses (MASTERDOWN), a node still loading (LOADING), or a demoted primary refuses writes (READONLY).
    private static bool IsFailover(RedisServerException ex) =>
        FirstWord(ex) is "CLUSTERDOWN" or "TRYAGAIN" or "MASTERDOWN" or "LOADING" or "READONLY";

    private static string FirstWord(RedisServerException ex) => ex.Message.Split(' ', 2)[0];

    /// <summary>Evaluates <paramref name="lua"/> over <paramref name="keys"/> (one slot) and returns its array reply.</summary>
    /// <remarks>
    /// StackExchange.Redis sends EVAL the first time per node and EVALSHA after (it caches the SHA-1), so a script
    /// costs one command; a node that lost its script cache answers NOSCRIPT and the client resends EVAL once.
    /// </remarks>
    public static Task<RedisResult[]> ScriptAsync(IDatabaseAsync database, string lua, RedisKey[] keys, RedisValue[] args) =>
        RunAsync(async () => (RedisResult[])(await database.ScriptEvaluateAsync(lua, keys, args).ConfigureAwait(false))!);
}
