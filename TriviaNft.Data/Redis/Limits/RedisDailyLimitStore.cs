using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Limits;

/// <summary>Redis implementation of <see cref="IDailyLimitStore"/>: one GET of today's counter.</summary>
public sealed class RedisDailyLimitStore(
    StackExchange.Redis.IConnectionMultiplexer multiplexer, RedisGameStateOptions? options = null, TimeProvider? clock = null) : IDailyLimitStore
{
    private readonly RedisGameStateOptions _options = (options ?? RedisGameStateOptions.Default).EnsureValid();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly DailyClock _daily = DailyClock.From((options ?? RedisGameStateOptions.Default).EnsureValid());

    /// <inheritdoc />
    public async Task<DailyUsage> GetAsync(Guid playerId, bool isConnected, CancellationToken cancellationToken = default)
    {
        var keys = new PlayerKeys(playerId);
        var day = _daily.At(_clock.GetUtcNow());
        var used = await RedisCall.RunAsync(() => multiplexer.GetDatabase(0).StringGetAsync(keys.Daily(day.Day))).ConfigureAwait(false);
        return new DailyUsage(used.IsNull ? 0 : (int)used, isConnected ? _options.ConnectedDailyLimit : _options.GuestDailyLimit, day.ResetsAt);
    }
}
