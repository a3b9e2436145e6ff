using StackExchange.Redis;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Sessions;

public sealed partial class RedisActiveSessionStore
{
    // KEYS: 1 lock, 2 session state, 3 cooldown. ARGV: 1 token, 2 cooldown value "until:token", 3 cooldown ms, 4 until ms.
    // Compare-and-delete: only the holder of the token releases the lock and starts the cooldown. A retry finds
    // its own token in the cooldown and changes nothing, so the cooldown is never pushed back.
    private const string CompleteScript = """
        local token = ARGV[1]
        local lock = redis.call('GET', KEYS[1])
        if redis.call('HGET', KEYS[2], 'token') == token then redis.call('DEL', KEYS[2]) end
        if lock and string.sub(lock, 1, #token + 1) == token .. ':' then
          redis.call('DEL', KEYS[1])
          if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3]) end
          return {'released', ARGV[4]}
        end
        local cooldown = redis.call('GET', KEYS[3])
        if cooldown and string.sub(cooldown, -(#token + 1)) == ':' .. token then
          return {'already', string.match(cooldown, '^(%d+)')}
        end
        return {'notheld'}
        """;

    /// <inheritdoc />
    public async Task<SessionReleaseResult> CompleteAsync(SessionHandle session, CancellationToken cancellationToken = default)
    {
        Guard.Session(session);
        var keys = new PlayerKeys(session.PlayerId);
        var until = _clock.GetUtcNow() + _options.Cooldown;
        RedisValue[] args = [session.Token, $"{until.ToUnixTimeMilliseconds()}:{session.Token}", Ms(_options.Cooldown), Ms(until)];
        var reply = await RedisCall.ScriptAsync(_database, CompleteScript, [keys.Lock, keys.Session, keys.Cooldown], args).ConfigureAwait(false);
        return (string)reply[0]! switch
        {
            "released" => new SessionReleaseResult(SessionReleaseStatus.Released, DateTimeOffset.FromUnixTimeMilliseconds(ParseLong(reply[1]))),
            "already" => new SessionReleaseResult(SessionReleaseStatus.AlreadyReleased, DateTimeOffset.FromUnixTimeMilliseconds(ParseLong(reply[1]))),
            _ => new SessionReleaseResult(SessionReleaseStatus.NotHeld, null),
        };
    }
}
