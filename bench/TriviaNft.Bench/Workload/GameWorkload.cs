using System.Diagnostics;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Seeding;
using TriviaNft.Data.Game;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Bench.Workload;

/// <summary>How the simulated players play.</summary>
/// <param name="Clients">Players playing at the same time.</param>
/// <param name="Duration">How long to keep starting sessions.</param>
/// <param name="PlayersPerKind">Seeded guests and as many connected wallets; players take turns.</param>
/// <param name="Categories">The categories to pick from.</param>
/// <param name="ThinkTime">Pause before each answer: zero for the benchmark, a human pace for the live workload.</param>
/// <param name="FirstPlayer">The player number to start from (a warm-up takes other players than the measured run: cooldowns).</param>
internal sealed record WorkloadSettings(
    int Clients, TimeSpan Duration, int PlayersPerKind, IReadOnlyList<Guid> Categories, TimeSpan ThinkTime, int FirstPlayer = 0);

/// <summary>What the workload did.</summary>
internal sealed record WorkloadResult(long Sessions, long Refused, long Errors, string? FirstError, TimeSpan Elapsed)
{
    public double SessionsPerSecond => Sessions / Elapsed.TotalSeconds;
}

/// <summary>
/// Simulated players playing whole games through <see cref="IGameSessions"/>: start → serve/answer ×10 →
/// complete, half guests, half wallet-connected, about 80 % of answers right (so some sessions are perfect).
/// Every operation is timed and its Redis commands counted.
/// </summary>
internal sealed class GameWorkload(IGameSessions game, Latencies latencies, RedisCommandCounter? commands)
{
    public const string Start = "start";
    public const string Serve = "serve";
    public const string Answer = "answer";
    public const string Complete = "complete";

    private long _turn;
    private long _sessions;
    private long _refused;
    private long _errors;
    private string? _firstError;

    public async Task<WorkloadResult> RunAsync(WorkloadSettings settings, CancellationToken cancellationToken)
    {
        _turn = 2L * settings.FirstPlayer;
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Duration);
        await using (Progress.Start("game sessions", () =>
            $"{Interlocked.Read(ref _sessions)} sessions, {Interlocked.Read(ref _sessions) / Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}/s, {Interlocked.Read(ref _errors)} errors"))
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(() => PlayerLoopAsync(settings, deadline.Token), CancellationToken.None)))
                .ConfigureAwait(false);
        }

        return new WorkloadResult(_sessions, _refused, _errors, _firstError, Stopwatch.GetElapsedTime(started));
    }

    private async Task PlayerLoopAsync(WorkloadSettings settings, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var turn = Interlocked.Increment(ref _turn);
            var number = (turn / 2 % settings.PlayersPerKind) + 1;
            var player = turn % 2 == 0 ? BenchPlayers.Connected(number) : BenchPlayers.Guest(number);
            var category = settings.Categories[Random.Shared.Next(settings.Categories.Count)];
            try
            {
                // A session in flight finishes even when the time is up: the deadline only stops new starts.
                if (await PlayAsync(player, category, settings.ThinkTime).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _sessions);
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                    // The live workload runs for days: once players reach their daily limits, pace the refusals too.
                    if (settings.ThinkTime > TimeSpan.Zero)
                    {
                        await Task.Delay(settings.ThinkTime, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, $"{ex.GetType().Name}: {ex.Message}", null);
            }
        }
    }

    /// <summary>One game; false when the start was refused (cooldown, daily limit: the player takes a turn off).</summary>
    private async Task<bool> PlayAsync(Guid player, Guid category, TimeSpan thinkTime)
    {
        using var activity = BenchTelemetry.Source.StartActivity("game session");
        activity?.SetTag("trivianft.player.id", player);
        var start = await MeasureAsync(Start, () => game.StartAsync(player, category)).ConfigureAwait(false);
        if (start.Result is not SessionStartResult.Started started)
        {
            return false;
        }

        foreach (var question in started.Session.Questions)
        {
            await MeasureAsync(Serve, () => game.ServeAsync(started.Session.Handle, question.Index)).ConfigureAwait(false);
            if (thinkTime > TimeSpan.Zero)
            {
                await Task.Delay(thinkTime).ConfigureAwait(false);
            }

            var chosen = Random.Shared.NextDouble() < 0.8 ? question.CorrectIndex : (question.CorrectIndex + 1) % 4;
            await MeasureAsync(Answer, () => game.AnswerAsync(started.Session.Handle, question.Index, chosen)).ConfigureAwait(false);
        }

        await MeasureAsync(Complete, () => game.CompleteAsync(started.Session.Handle)).ConfigureAwait(false);
        BenchTelemetry.Sessions.Add(1);
        return true;
    }

    private async Task<T> MeasureAsync<T>(string name, Func<Task<T>> operation)
    {
        using var activity = BenchTelemetry.Source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        var result = await latencies.TimeAsync(name, commands is null ? operation : () => commands.CountAsync(name, operation)).ConfigureAwait(false);
        BenchTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("operation", name));
        return result;
    }
}
