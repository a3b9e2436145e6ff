using System.Globalization;
using StackExchange.Redis;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Sessions;

/// <summary>
/// Redis implementation of <see cref="IActiveSessionStore"/>: one Lua script per operation, each naming only keys
/// of <see cref="PlayerKeys"/> (one hash tag, so one slot). The scripts compare stored instants with the "now"
/// passed in from <see cref="TimeProvider"/> as well as letting keys expire, so a test clock and real expiry agree.
/// </summary>
public sealed partial class RedisActiveSessionStore : IActiveSessionStore
{
    private readonly IDatabase _database;
    private readonly RedisGameStateOptions _options;
    private readonly TimeProvider _clock;
    private readonly DailyClock _daily;

    /// <summary>Creates the store over <paramref name="multiplexer"/> (database 0).</summary>
    public RedisActiveSessionStore(IConnectionMultiplexer multiplexer, RedisGameStateOptions? options = null, TimeProvider? clock = null)
    {
        _database = multiplexer.GetDatabase(0);
        _options = (options ?? RedisGameStateOptions.Default).EnsureValid();
        _clock = clock ?? TimeProvider.System;
        _daily = DailyClock.From(_options);
    }

    /// <inheritdoc />
    public async Task<ActiveSession?> GetAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        var keys = new PlayerKeys(playerId);
        var entries = await RedisCall.RunAsync(() => _database.HashGetAllAsync(keys.Session)).ConfigureAwait(false);
        var session = SessionStateReader.Read(entries);
        // The key may outlive its session on a test clock (Redis expires it on its own time).
        return session is not null && session.ExpiresAt > _clock.GetUtcNow() ? session : null;
    }

    private static RedisValue Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    private static RedisValue Ms(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    private static long ParseLong(RedisResult value) => long.Parse((string)value!, CultureInfo.InvariantCulture);

    private static SessionStepResult Step(RedisResult[] reply)
    {
        var status = (string)reply[0]! switch
        {
            "ok" => SessionStepStatus.Ok,
            "order" => SessionStepStatus.OutOfOrder,
            "answered" => SessionStepStatus.AlreadyAnswered,
            "unserved" => SessionStepStatus.NotServed,
            "finished" => SessionStepStatus.Finished,
            _ => SessionStepStatus.NotFound,
        };
        var session = reply.Length > 1 ? SessionStateReader.Read(reply.AsSpan(1)) : null;
        return new SessionStepResult(status, session);
    }
}
