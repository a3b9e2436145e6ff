using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using TriviaNft.Bench.Comparisons;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Report;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Stack;
using TriviaNft.Bench.Workload;
using TriviaNft.Data;
using TriviaNft.Data.Game;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Bench;

/// <summary>The standalone run: start the stack, measure everything in turn, write the report, stop the stack.</summary>
internal static class BenchRun
{
    // Hand-written analysis appended to the generated report, so it survives a rerun.
    private const string NotesPath = "bench/report-notes.md";

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.GetTimestamp();
        var machine = await MachineInfo.ReadAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"TriviaNft bench, {(options.Quick ? "quick" : "full")} sizes: {machine.Cores} cores, load average {machine.LoadAverage}");
        Console.WriteLine("starting PostgreSQL, PgBouncer and the Redis cluster in a temp folder");
        await using var stack = await LocalStack.StartAsync(cancellationToken).ConfigureAwait(false);
        var memory = new PeakMemory(stack);

        Console.WriteLine("migrator: fresh apply vs psql -1 -f, then a no-op run");
        var migrator = await MigratorComparison.RunAsync(stack, cancellationToken).ConfigureAwait(false);
        await new MigrationRunner(new MigratorOptions { ConnectionString = stack.AdminConnectionString() }).UpAsync(MigrationTarget.Default, cancellationToken)
            .ConfigureAwait(false);
        SeedResult seed;
        await using (var admin = NpgsqlDataSource.Create(stack.AdminConnectionString()))
        {
            Console.WriteLine("seeding questions, the NFT catalog and players");
            seed = await Seeder.SeedAsync(admin, options.QuestionsPerCategory, options.PlayersPerKind, moveSeasonAroundNow: true, cancellationToken).ConfigureAwait(false);
        }

        using var host = DataHost.Build(stack);
        var services = host.Services;
        var workload = await RunWorkloadAsync(options, stack, services, seed, cancellationToken).ConfigureAwait(false);
        memory.Sample();

        var completion = await new CompletionComparison(services.GetRequiredService<ISessionStore>(), stack, services.GetRequiredService<GameRules>())
            .RunAsync(options.Clients, options.CompareDuration, options.PlayersPerKind, seed.Categories[0], cancellationToken).ConfigureAwait(false);
        memory.Sample();
        var start = await new StartComparison(services.GetRequiredService<IActiveSessionStore>(), services.GetRequiredService<IConnectionMultiplexer>(),
                services.GetRequiredService<RedisGameStateOptions>())
            .RunAsync(options.Clients, options.CompareDuration, seed.Categories[0], cancellationToken).ConfigureAwait(false);
        memory.Sample();
        var leaderboard = await new LeaderboardComparison(services.GetRequiredService<ILeaderboardRebuilder>(), services.GetRequiredService<ILeaderboardStore>(),
                services.GetRequiredService<ISeasonPointsStore>(), stack.AdminConnectionString())
            .RunAsync(options.LeaderboardRows, options.LatencySamples, options.SqlRankSamples, cancellationToken).ConfigureAwait(false);
        memory.Sample();
        var snapshot = await new SnapshotComparison(services.GetRequiredService<ILeaderboardSnapshotStore>(), stack)
            .RunAsync(options.SnapshotRows, options.SnapshotRounds, cancellationToken).ConfigureAwait(false);
        memory.Sample();
        var purge = await new PurgeComparison(services.GetRequiredService<TriviaNftDatabase>(), stack)
            .RunAsync(options.PurgeGuests, options.PurgeRounds, seed.Categories[0], cancellationToken).ConfigureAwait(false);
        memory.Sample();

        var report = new BenchReport(options, machine, workload, completion, start, leaderboard, snapshot, purge, migrator,
            AppHostStart.Read(options.AppHostStartFile), memory.PeakMiB, Stopwatch.GetElapsedTime(total));
        var notes = File.Exists(NotesPath) ? await File.ReadAllTextAsync(NotesPath, cancellationToken).ConfigureAwait(false) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ReportPath))!);
        await File.WriteAllTextAsync(options.ReportPath, MarkdownReport.Write(report, notes), cancellationToken).ConfigureAwait(false);

        Console.WriteLine();
        foreach (var target in Targets.Judge(report))
        {
            Console.WriteLine($"{(target.Met is null ? "n/a    " : target.Met.Value ? "met    " : "NOT MET")}  {target.Name} ({target.Goal}): {target.Figure}");
        }

        Console.WriteLine($"report: {options.ReportPath}");
        // No timing decides the exit code: only failures do (a smoke test must not flake on a busy machine), and a
        // psql comparison that stopped (an error, or its copy of the store's SQL out of date) is one.
        foreach (var failure in new[] { snapshot.Result.Failure, purge.Result.Failure }.OfType<string>())
        {
            Console.WriteLine($"FAILED: {failure}");
        }

        return workload.Result.Errors == 0 && snapshot.Result.Failure is null && purge.Result.Failure is null ? 0 : 1;
    }

    private static async Task<WorkloadFigures> RunWorkloadAsync(
        BenchOptions options, LocalStack stack, IServiceProvider services, SeedResult seed, CancellationToken cancellationToken)
    {
        // JIT, connection pools and the scripts' first EVAL happen here, not in the measured run.
        Console.WriteLine("warming up");
        await new GameWorkload(services.GetRequiredService<IGameSessions>(), new Latencies(), commands: null)
            .RunAsync(new WorkloadSettings(options.Clients, options.WarmUp, options.PlayersPerKind, seed.Categories, TimeSpan.Zero, FirstPlayer: options.PlayersPerKind / 2),
                cancellationToken).ConfigureAwait(false);
        var latencies = new Latencies();
        var commands = new RedisCommandCounter(services.GetRequiredService<IConnectionMultiplexer>());
        var stats = stack.AdminConnectionString("postgres");
        var before = await PostgresCounters.CommittedTransactionsAsync(stats, ResourceNames.DatabaseName, cancellationToken).ConfigureAwait(false);
        var result = await new GameWorkload(services.GetRequiredService<IGameSessions>(), latencies, commands)
            .RunAsync(new WorkloadSettings(options.Clients, options.WorkloadDuration, options.PlayersPerKind, seed.Categories, TimeSpan.Zero), cancellationToken)
            .ConfigureAwait(false);
        var after = await PostgresCounters.CommittedTransactionsAsync(stats, ResourceNames.DatabaseName, cancellationToken).ConfigureAwait(false);
        string[] operations = [GameWorkload.Start, GameWorkload.Serve, GameWorkload.Answer, GameWorkload.Complete];
        return new WorkloadFigures(result, seed,
            operations.ToDictionary(op => op, latencies.Of),
            operations.ToDictionary(op => op, commands.PerOperation),
            new Dictionary<string, int>(commands.CommandNames),
            result.Sessions == 0 ? double.NaN : (after - before) / (double)result.Sessions);
    }
}
