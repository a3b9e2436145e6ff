using System.Security.Cryptography;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Sessions;

public sealed partial class RedisActiveSessionStore
{
    private const int MaxCandidates = 200;

    // KEYS: 1 cooldown, 2 lock, 3 daily counter, 4 session state, 5 today's seen set of the category.
    // ARGV: 1 now ms, 2 token, 3 lock value "token:until", 4 lock TTL ms, 5 state TTL ms, 6 daily limit,
    //       7 daily key TTL ms, 8 questions per session, 9 session id, 10 player id, 11 category id,
    //       12 connected 0/1, 13 state expires at ms, 14 answer window ms, 15.. candidate (id, correct) pairs.
    // Checks first, writes last: a failed check returns before anything is written.
    private const string StartScript = """
        local now = tonumber(ARGV[1])
        local cooldown = redis.call('GET', KEYS[1])
        if cooldown then
          local untilMs = string.match(cooldown, '^(%d+)')
          if untilMs and tonumber(untilMs) > now then return {'cooldown', untilMs} end
        end
        local lock = redis.call('GET', KEYS[2])
        if lock then
          local lockUntil = string.match(lock, ':(%d+)$')
          if lockUntil and tonumber(lockUntil) > now then
            return {'active', redis.call('HGET', KEYS[4], 'id') or ''}
          end
        end
        local used = redis.call('GET', KEYS[3]) or '0'
        if tonumber(used) >= tonumber(ARGV[6]) then return {'limit', used} end
        local ids = {}
        for i = 15, #ARGV, 2 do ids[#ids + 1] = ARGV[i] end
        local seen = redis.call('SMISMEMBER', KEYS[5], unpack(ids))
        local n = tonumber(ARGV[8])
        local state = {'id', ARGV[9], 'player', ARGV[10], 'cat', ARGV[11], 'token', ARGV[2], 'conn', ARGV[12],
          'started', ARGV[1], 'expires', ARGV[13], 'window', ARGV[14], 'n', ARGV[8], 'next', '0', 'correct', '0'}
        local unseen = 0
        for j = 1, #ids do
          if seen[j] == 0 then
            if unseen < n then
              state[#state + 1] = 'q:' .. unseen
              state[#state + 1] = ids[j]
              state[#state + 1] = 'c:' .. unseen
              state[#state + 1] = ARGV[14 + 2 * j]
            end
            unseen = unseen + 1
          end
        end
        if unseen < n then return {'questions', tostring(unseen)} end
        -- The GET above and this SET are one atomic step: SET NX PX, with staleness judged on the caller's clock.
        redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
        used = redis.call('INCR', KEYS[3])
        -- NX: the TTL is set once, when the day's key is created, and never moved by a later start.
        redis.call('PEXPIRE', KEYS[3], ARGV[7], 'NX')
        redis.call('DEL', KEYS[4])
        redis.call('HSET', KEYS[4], unpack(state))
        redis.call('PEXPIRE', KEYS[4], ARGV[5])
        return {'started', tostring(used), unpack(state)}
        """;

    /// <inheritdoc />
    public async Task<SessionStartResult> StartAsync(SessionStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = new PlayerKeys(request.PlayerId);
        Guard.Id(request.CategoryId, "categories.id", "The category id");
        ValidateCandidates(request.Candidates);
        var now = _clock.GetUtcNow();
        var day = _daily.At(now);
        var sessionId = request.SessionId is { } id ? Guard.Id(id, "sessions.id", "The session id") : Guid.CreateVersion7(now);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var limit = request.IsConnected ? _options.ConnectedDailyLimit : _options.GuestDailyLimit;

        var args = new List<RedisValue>(14 + 2 * request.Candidates.Count)
        {
            Ms(now), token, $"{token}:{Ms(now + _options.LockTtl)}", Ms(_options.LockTtl), Ms(_options.SessionTtl), limit,
            Ms(day.KeyTtl), _options.QuestionsPerSession, sessionId.ToString("D"), request.PlayerId.ToString("D"),
            request.CategoryId.ToString("D"), request.IsConnected ? 1 : 0, Ms(now + _options.SessionTtl), Ms(_options.AnswerWindow),
        };
        foreach (var candidate in request.Candidates)
        {
            args.Add(candidate.QuestionId.ToString("D"));
            args.Add(candidate.CorrectIndex);
        }

        RedisKey[] scriptKeys = [keys.Cooldown, keys.Lock, keys.Daily(day.Day), keys.Session, keys.Seen(request.CategoryId, day.Day)];
        var reply = await RedisCall.ScriptAsync(_database, StartScript, scriptKeys, [.. args]).ConfigureAwait(false);
        return (string)reply[0]! switch
        {
            "started" => new SessionStartResult.Started(
                SessionStateReader.Read(reply.AsSpan(2))!, (int)ParseLong(reply[1]), limit, day.ResetsAt),
            "cooldown" => Cooldown(DateTimeOffset.FromUnixTimeMilliseconds(ParseLong(reply[1])), now),
            "active" => new SessionStartResult.AlreadyActive(Guid.TryParse((string?)reply[1], out var active) ? active : null),
            "limit" => new SessionStartResult.LimitReached((int)ParseLong(reply[1]), limit, day.ResetsAt),
            _ => new SessionStartResult.NotEnoughQuestions((int)ParseLong(reply[1]), _options.QuestionsPerSession),
        };
    }

    private static SessionStartResult.CoolingDown Cooldown(DateTimeOffset until, DateTimeOffset now) => new(until, until - now);

    private void ValidateCandidates(IReadOnlyList<SessionQuestion>? candidates)
    {
        const string rule = "session.candidates";
        if (candidates is null || candidates.Count < _options.QuestionsPerSession || candidates.Count > MaxCandidates)
        {
            throw new DataValidationException(rule,
                $"A session needs {_options.QuestionsPerSession} to {MaxCandidates} candidate questions, not {candidates?.Count ?? 0}.");
        }

        var distinct = new HashSet<Guid>();
        foreach (var candidate in candidates)
        {
            Guard.Id(candidate.QuestionId, rule, "A candidate question id");
            Guard.Range(candidate.CorrectIndex, "chk_questions_correct_index", "The correct option index", 0, 3);
            if (!distinct.Add(candidate.QuestionId))
            {
                throw new DataValidationException(rule, $"Question {candidate.QuestionId} is offered twice.");
            }
        }
    }
}
