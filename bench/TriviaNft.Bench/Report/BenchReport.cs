using TriviaNft.Bench.Comparisons;
using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Workload;

namespace TriviaNft.Bench.Report;

/// <summary>
/// The game workload's figures: latencies per operation, average Redis commands per operation (profiling
/// sessions) and which commands, PostgreSQL transactions per session (xact_commit delta ÷ sessions completed).
/// </summary>
internal sealed record WorkloadFigures(
    WorkloadResult Result,
    SeedResult Seed,
    IReadOnlyDictionary<string, Percentiles> Latency,
    IReadOnlyDictionary<string, double> RedisCommands,
    IReadOnlyDictionary<string, int> CommandNames,
    double PostgresTransactionsPerSession);

/// <summary>Everything one run measured.</summary>
internal sealed record BenchReport(
    BenchOptions Options,
    MachineInfo Machine,
    WorkloadFigures Workload,
    CompletionFigures Completion,
    StartFigures Start,
    LeaderboardFigures Leaderboard,
    SnapshotFigures Snapshot,
    PurgeFigures Purge,
    MigratorFigures Migrator,
    AppHostStartFigures? AppHost,
    long PeakMemoryMiB,
    TimeSpan Total);
