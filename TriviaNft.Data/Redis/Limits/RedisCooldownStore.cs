using System.Globalization;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Limits;

/// <summary>Redis implementation of <see cref="ICooldownStore"/>: one GET, judged on the injected clock.</summary>
public sealed class RedisCooldownStore(StackExchange.Redis.IConnectionMultiplexer multiplexer, TimeProvider? clock = null) : ICooldownStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetUntilAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        var keys = new PlayerKeys(playerId);
        var value = (string?)await RedisCall.RunAsync(() => multiplexer.GetDatabase(0).StringGetAsync(keys.Cooldown)).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        // The value is "<until ms>:<token>" (see the release script).
        var until = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value.AsSpan(0, value.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture));
        return until > _clock.GetUtcNow() ? until : null;
    }
}
