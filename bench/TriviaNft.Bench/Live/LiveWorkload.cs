using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Workload;
using TriviaNft.Data.Game;

namespace TriviaNft.Bench.Live;

/// <summary>
/// The AppHost's opt-in live traffic: a few players at a human pace, forever, so the dashboard shows game traces
/// (a span per game, the Npgsql and Redis spans inside) and metrics. Seeds what it plays with first (idempotent);
/// never moves the seasons of the developer's database.
/// </summary>
internal sealed partial class LiveWorkload(IGameSessions game, NpgsqlDataSource database, IConfiguration configuration, ILogger<LiveWorkload> logger)
    : BackgroundService
{
    /// <summary>The configuration section the AppHost passes (<c>Workload__Clients</c>, <c>Workload__ThinkTimeMs</c>).</summary>
    public const string Section = "Workload";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clients = configuration.GetValue($"{Section}:Clients", 2);
        var thinkTime = TimeSpan.FromMilliseconds(configuration.GetValue($"{Section}:ThinkTimeMs", 500));
        var seed = await Seeder.SeedAsync(database, questionsPerCategory: 200, playersPerKind: 2_000, moveSeasonAroundNow: false, stoppingToken).ConfigureAwait(false);
        LogStarted(seed.Questions, clients, thinkTime.TotalMilliseconds);
        var result = await new GameWorkload(game, new Latencies(), commands: null)
            .RunAsync(new WorkloadSettings(clients, Timeout.InfiniteTimeSpan, seed.PlayersPerKind, seed.Categories, thinkTime), stoppingToken)
            .ConfigureAwait(false);
        LogStopped(result.Sessions, result.Errors, result.FirstError);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live workload: {Questions} questions seeded; {Clients} players at a time, {ThinkTimeMs} ms per answer")]
    private partial void LogStarted(int questions, int clients, double thinkTimeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live workload stopped: {Sessions} sessions, {Errors} errors (first: {FirstError})")]
    private partial void LogStopped(long sessions, long errors, string? firstError);
}
