using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Stack;
using TriviaNft.Bench.Workload;
using TriviaNft.Data;
using TriviaNft.Data.Postgres.Sessions;

namespace TriviaNft.Bench.Comparisons;

/// <summary>Completion transactions per second: ours, pgbench one statement per round trip, pgbench pipelined.</summary>
internal sealed record CompletionFigures(double Ours, Percentiles OursLatency, double Pgbench, double PgbenchPipelined, string PgbenchCommand)
{
    /// <summary>The target's ratio: against pgbench's best (the pipelined script sends what our batch sends).</summary>
    public double Ratio => Ours / Math.Max(Pgbench, PgbenchPipelined);
}

/// <summary>
/// The session-completion transaction through the same PgBouncer with the same client count: ours
/// (<see cref="ISessionStore.CompleteAsync"/>) against pgbench running the same statements (completion.pgbench).
/// </summary>
internal sealed partial class CompletionComparison(ISessionStore sessions, LocalStack stack, GameRules rules)
{
    private const int CorrectAnswers = 8;
    private const int ElapsedMs = 2_000;

    public async Task<CompletionFigures> RunAsync(int clients, TimeSpan duration, int players, Guid category, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var ours = await OursAsync(clients, duration, players, category, latencies, cancellationToken).ConfigureAwait(false);
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Comparisons", "completion.pgbench"), cancellationToken).ConfigureAwait(false);
        script = Fill(script, players, category);
        var pipelined = Path.Combine(stack.Root, "completion-pipelined.pgbench");
        var plain = Path.Combine(stack.Root, "completion.pgbench");
        await File.WriteAllTextAsync(pipelined, script, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(plain, script.Replace("\\startpipeline\n", "", StringComparison.Ordinal).Replace("\\endpipeline\n", "", StringComparison.Ordinal), cancellationToken)
            .ConfigureAwait(false);
        var (pgbench, command) = await PgbenchAsync(plain, clients, duration, cancellationToken).ConfigureAwait(false);
        var (pgbenchPipelined, _) = await PgbenchAsync(pipelined, clients, duration, cancellationToken).ConfigureAwait(false);
        return new CompletionFigures(ours, latencies.Of("completion"), pgbench, pgbenchPipelined, command);
    }

    private async Task<double> OursAsync(int clients, TimeSpan duration, int players, Guid category, Latencies latencies, CancellationToken cancellationToken)
    {
        long done = 0;
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration);
        await using (Progress.Start("completion, ours", () => $"{Interlocked.Read(ref done)} transactions"))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (!deadline.IsCancellationRequested)
                {
                    var completion = Completion(BenchPlayers.Connected(Random.Shared.Next(1, players + 1)), category);
                    await latencies.TimeAsync("completion", () => sessions.CompleteAsync(completion, cancellationToken)).ConfigureAwait(false);
                    Interlocked.Increment(ref done);
                }
            }, CancellationToken.None))).ConfigureAwait(false);
        }

        return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task<(double Tps, string Command)> PgbenchAsync(string script, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-n", "-M", "extended", "-c", Text(clients), "-j", Text(Math.Min(clients, Environment.ProcessorCount)),
            "-T", Text((int)duration.TotalSeconds), "-f", script,
            "-h", "127.0.0.1", "-p", Text(stack.ProxyPort), "-U", "postgres", ResourceNames.DatabaseName,
        ];
        var label = script.Contains("pipelined", StringComparison.Ordinal) ? "completion, pgbench pipelined" : "completion, pgbench";
        Console.WriteLine($"  {label}: running for {duration.TotalSeconds:0} s");
        var (output, _) = await ToolRunner.RunAsync(ToolRunner.Postgres("pgbench"), arguments,
            new Dictionary<string, string> { ["PGPASSWORD"] = stack.Password }, cancellationToken).ConfigureAwait(false);
        var tps = TpsPattern().Match(output);
        if (!tps.Success)
        {
            throw new InvalidOperationException($"pgbench printed no tps: {output}");
        }

        var command = "pgbench " + string.Join(' ', arguments.Select(a => a == script ? Path.GetFileName(script) : a));
        return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), command);
    }

    private string Fill(string script, int players, Guid category)
    {
        var answers = Completion(Guid.Empty, category).Answers;
        var questions = JsonSerializer.Serialize(answers.Select(a => new
        {
            question_id = a.QuestionId,
            chosen_index = a.ChosenIndex,
            is_correct = a.IsCorrect,
            elapsed_ms = a.ElapsedMs,
        })).Replace("\":", "\": ", StringComparison.Ordinal); // pgbench reads ":name" as a variable
        return script
            .Replace("{{players}}", Text(players), StringComparison.Ordinal)
            .Replace("{{sid}}", "('00000000-0000-7000-8000-' || lpad(to_hex(:s::bigint), 12, '0'))::uuid", StringComparison.Ordinal)
            .Replace("{{pid}}", BenchPlayers.IdSql(BenchPlayers.ConnectedIdPrefix, ":p::bigint"), StringComparison.Ordinal)
            .Replace("{{category}}", category.ToString("D"), StringComparison.Ordinal)
            .Replace("{{questions}}", questions, StringComparison.Ordinal)
            .Replace("{{guestMinutes}}", Text(rules.GuestEligibilityMinutes), StringComparison.Ordinal)
            .Replace("{{connectedMinutes}}", Text(rules.ConnectedEligibilityMinutes), StringComparison.Ordinal);
    }

    private static SessionCompletion Completion(Guid player, Guid category)
    {
        var now = DateTimeOffset.UtcNow;
        return new SessionCompletion
        {
            SessionId = Guid.CreateVersion7(),
            PlayerId = player,
            CategoryId = category,
            StartedAt = now.AddMinutes(-2),
            EndedAt = now,
            Answers = [.. Enumerable.Range(0, 10).Select(i => new SessionAnswer
            {
                QuestionId = new Guid(i + 1, 0, 0, new byte[8]),
                ChosenIndex = i < CorrectAnswers ? 0 : 1,
                IsCorrect = i < CorrectAnswers,
                ElapsedMs = ElapsedMs,
            })],
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsPattern();
}
