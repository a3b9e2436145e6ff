using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TriviaNft.Bench.Measure;

/// <summary>
/// The workload's own spans and metrics, under the solution's telemetry prefix so ServiceDefaults exports them
/// to the dashboard: one span per game with a child per operation (the Npgsql and Redis spans nest inside).
/// Without a listener (the standalone bench) nothing is created.
/// </summary>
internal static class BenchTelemetry
{
    public const string Name = "TriviaNft.Bench";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Sessions = Meter.CreateCounter<long>("trivianft.bench.sessions", description: "Games played to completion by the workload.");

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "trivianft.bench.operation.duration", unit: "ms", description: "Duration of each game operation (start, serve, answer, complete).");
}
