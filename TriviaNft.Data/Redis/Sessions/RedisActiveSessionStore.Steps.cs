using StackExchange.Redis;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Sessions;

public sealed partial class RedisActiveSessionStore
{
    // The schema's score range caps a session at 10 questions; the script checks the session's own count.
    private const int MaxQuestionIndex = 9;

    // KEYS: 1 session state, 2 today's seen set of the category. ARGV: 1 now ms, 2 token, 3 index, 4 seen TTL ms.
    // HSETNX keeps the first serving time: serving again never restarts the answer window.
    private const string ServeScript = """
        local now = tonumber(ARGV[1])
        local h = redis.call('HMGET', KEYS[1], 'token', 'expires', 'n', 'next')
        if not h[1] or h[1] ~= ARGV[2] or tonumber(h[2]) <= now then return {'missing'} end
        local i, n, nxt = tonumber(ARGV[3]), tonumber(h[3]), tonumber(h[4])
        if nxt >= n then return {'finished', unpack(redis.call('HGETALL', KEYS[1]))} end
        if i ~= nxt then return {'order', unpack(redis.call('HGETALL', KEYS[1]))} end
        if redis.call('HSETNX', KEYS[1], 's:' .. i, ARGV[1]) == 1 then
          redis.call('SADD', KEYS[2], redis.call('HGET', KEYS[1], 'q:' .. i))
          redis.call('PEXPIRE', KEYS[2], ARGV[4], 'NX')
        end
        return {'ok', unpack(redis.call('HGETALL', KEYS[1]))}
        """;

    // KEYS: 1 session state, 2 today's seen set of the category.
    // ARGV: 1 now ms, 2 token, 3 index, 4 chosen option (-1: none), 5 seen TTL ms.
    // The deadline is the stored serving time plus the session's window; a late answer is recorded as incorrect.
    private const string AnswerScript = """
        local now = tonumber(ARGV[1])
        local h = redis.call('HMGET', KEYS[1], 'token', 'expires', 'n', 'next', 'window', 'correct')
        if not h[1] or h[1] ~= ARGV[2] or tonumber(h[2]) <= now then return {'missing'} end
        local i, n, nxt = tonumber(ARGV[3]), tonumber(h[3]), tonumber(h[4])
        if i >= n then return {'order', unpack(redis.call('HGETALL', KEYS[1]))} end
        if redis.call('HEXISTS', KEYS[1], 'a:' .. i) == 1 then return {'answered', unpack(redis.call('HGETALL', KEYS[1]))} end
        if i ~= nxt then return {'order', unpack(redis.call('HGETALL', KEYS[1]))} end
        local served = redis.call('HGET', KEYS[1], 's:' .. i)
        if not served then return {'unserved', unpack(redis.call('HGETALL', KEYS[1]))} end
        local elapsed = now - tonumber(served)
        if elapsed < 0 then elapsed = 0 end
        local right = elapsed <= tonumber(h[5]) and ARGV[4] == redis.call('HGET', KEYS[1], 'c:' .. i)
        local correct = tonumber(h[6]) + (right and 1 or 0)
        redis.call('HSET', KEYS[1], 'a:' .. i, ARGV[4], 't:' .. i, string.format('%d', elapsed), 'k:' .. i, right and '1' or '0',
          'next', tostring(i + 1), 'correct', tostring(correct))
        redis.call('SADD', KEYS[2], redis.call('HGET', KEYS[1], 'q:' .. i))
        redis.call('PEXPIRE', KEYS[2], ARGV[5], 'NX')
        return {'ok', unpack(redis.call('HGETALL', KEYS[1]))}
        """;

    /// <inheritdoc />
    public Task<SessionStepResult> ServeQuestionAsync(SessionHandle session, int index, CancellationToken cancellationToken = default)
    {
        Guard.Session(session);
        Guard.Range(index, "session.question_index", "The question index", 0, MaxQuestionIndex);
        return RunStepAsync(ServeScript, session, [index]);
    }

    /// <inheritdoc />
    public Task<SessionStepResult> AnswerAsync(SessionHandle session, int index, int? chosenIndex, CancellationToken cancellationToken = default)
    {
        Guard.Session(session);
        Guard.Range(index, "session.question_index", "The question index", 0, MaxQuestionIndex);
        if (chosenIndex is { } chosen)
        {
            Guard.Range(chosen, "session.chosen_index", "The chosen option", 0, 3);
        }

        return RunStepAsync(AnswerScript, session, [index, chosenIndex ?? -1]);
    }

    private async Task<SessionStepResult> RunStepAsync(string script, SessionHandle session, RedisValue[] stepArgs)
    {
        var keys = new PlayerKeys(session.PlayerId);
        var now = _clock.GetUtcNow();
        var day = _daily.At(now);
        RedisValue[] args = [Ms(now), session.Token, .. stepArgs, Ms(day.KeyTtl)];
        RedisKey[] scriptKeys = [keys.Session, keys.Seen(session.CategoryId, day.Day)];
        return Step(await RedisCall.ScriptAsync(_database, script, scriptKeys, args).ConfigureAwait(false));
    }
}
