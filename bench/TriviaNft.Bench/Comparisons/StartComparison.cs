using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using StackExchange.Redis;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Workload;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Bench.Comparisons;

/// <summary>Session starts per second: ours, and a raw StackExchange.Redis loop sending the same command.</summary>
internal sealed record StartFigures(double Ours, Percentiles OursLatency, double Raw, Percentiles RawLatency, double OursCommandsPerStart)
{
    public double Ratio => Ours / Raw;
}

/// <summary>
/// The start-session Redis step: <see cref="IActiveSessionStore.StartAsync"/> against a loop that sends the same
/// Lua script (read from the store, so it is the same text and the same SHA) with the same keys and arguments,
/// without our validation, argument building and reply parsing. Same client count, a fresh player per start.
/// </summary>
internal sealed class StartComparison(IActiveSessionStore store, IConnectionMultiplexer redis, RedisGameStateOptions options)
{
    private const int Candidates = 30;

    public async Task<StartFigures> RunAsync(int clients, TimeSpan duration, Guid category, CancellationToken cancellationToken)
    {
        var candidates = Enumerable.Range(0, Candidates).Select(i => new SessionQuestion(Guid.NewGuid(), i % 4)).ToList();
        var latencies = new Latencies();
        var counter = new RedisCommandCounter(redis);
        var ours = await LoopAsync("start, ours", clients, duration, () => latencies.TimeAsync("ours", () => counter.CountAsync("start", () =>
            store.StartAsync(new SessionStartRequest { PlayerId = Guid.NewGuid(), CategoryId = category, IsConnected = true, Candidates = candidates }, cancellationToken))))
            .ConfigureAwait(false);

        var script = (string)typeof(RedisActiveSessionStore).GetField("StartScript", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        var database = redis.GetDatabase(0);
        var raw = await LoopAsync("start, raw StackExchange.Redis", clients, duration, () => latencies.TimeAsync("raw", () =>
            RawStartAsync(database, script, category, candidates))).ConfigureAwait(false);
        return new StartFigures(ours, latencies.Of("ours"), raw, latencies.Of("raw"), counter.PerOperation("start"));
    }

    private Task<RedisResult> RawStartAsync(IDatabase database, string script, Guid category, List<SessionQuestion> candidates)
    {
        var player = Guid.NewGuid();
        var keys = new PlayerKeys(player);
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var args = new List<RedisValue>(14 + (2 * candidates.Count))
        {
            now.ToUnixTimeMilliseconds(), token, $"{token}:{(now + options.LockTtl).ToUnixTimeMilliseconds()}", (long)options.LockTtl.TotalMilliseconds,
            (long)options.SessionTtl.TotalMilliseconds, options.ConnectedDailyLimit, (long)options.MaxDailyKeyTtl.TotalMilliseconds,
            options.QuestionsPerSession, Guid.CreateVersion7(now).ToString("D"), player.ToString("D"), category.ToString("D"), 1,
            (now + options.SessionTtl).ToUnixTimeMilliseconds(), (long)options.AnswerWindow.TotalMilliseconds,
        };
        foreach (var candidate in candidates)
        {
            args.Add(candidate.QuestionId.ToString("D"));
            args.Add(candidate.CorrectIndex);
        }

        return database.ScriptEvaluateAsync(script, [keys.Cooldown, keys.Lock, keys.Daily(day), keys.Session, keys.Seen(category, day)], [.. args]);
    }

    private static async Task<double> LoopAsync<T>(string phase, int clients, TimeSpan duration, Func<Task<T>> operation)
    {
        long done = 0;
        var started = Stopwatch.GetTimestamp();
        using var deadline = new CancellationTokenSource(duration);
        await using (Progress.Start(phase, () => $"{Interlocked.Read(ref done)} starts"))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (!deadline.IsCancellationRequested)
                {
                    await operation().ConfigureAwait(false);
                    Interlocked.Increment(ref done);
                }
            }))).ConfigureAwait(false);
        }

        return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
