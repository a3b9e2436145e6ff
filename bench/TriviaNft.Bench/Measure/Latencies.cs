using System.Collections.Concurrent;
using System.Diagnostics;

namespace TriviaNft.Bench.Measure;

/// <summary>Latency samples per operation name, safe to add to from many tasks.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();

    /// <summary>Runs <paramref name="operation"/> and records how long it took under <paramref name="name"/>.</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation().ConfigureAwait(false);
        Add(name, Stopwatch.GetElapsedTime(started));
        return result;
    }

    public void Add(string name, TimeSpan elapsed) => _samples.GetOrAdd(name, _ => []).Add(elapsed.TotalMilliseconds);

    public Percentiles Of(string name) => Percentiles.From(_samples.TryGetValue(name, out var bag) ? bag : []);

    public IReadOnlyList<string> Names => [.. _samples.Keys.Order(StringComparer.Ordinal)];
}

/// <summary>p50/p95/p99 in milliseconds (nearest rank) of a set of samples.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles From(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
