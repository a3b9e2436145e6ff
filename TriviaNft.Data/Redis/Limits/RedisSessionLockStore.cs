using System.Globalization;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Limits;

/// <summary>Redis implementation of <see cref="ISessionLockStore"/>: one GET, judged on the injected clock.</summary>
public sealed class RedisSessionLockStore(StackExchange.Redis.IConnectionMultiplexer multiplexer, TimeProvider? clock = null) : ISessionLockStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetHeldUntilAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        var keys = new PlayerKeys(playerId);
        var value = (string?)await RedisCall.RunAsync(() => multiplexer.GetDatabase(0).StringGetAsync(keys.Lock)).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        // The value is "<token>:<until ms>" (see the start script); the token never leaves the store.
        var until = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value.AsSpan(value.IndexOf(':', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture));
        return until > _clock.GetUtcNow() ? until : null;
    }
}
