using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TriviaNft.Data.Jobs;

/// <summary>The jobs' span and metrics (the service defaults export every <c>TriviaNft.*</c> source and meter).</summary>
public static class JobTelemetry
{
    /// <summary>The name of the jobs' ActivitySource and Meter.</summary>
    public const string Name = "TriviaNft.Jobs";

    /// <summary>One span per run: <c>job &lt;name&gt;</c>.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("trivianft.jobs.runs", description: "Job runs by job and status.");
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("trivianft.jobs.rows_affected", description: "Rows the jobs changed.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("trivianft.jobs.duration", "s", "Wall time of a job run.");
    private static readonly Gauge<long> Gauges = Meter.CreateGauge<long>("trivianft.jobs.gauge", description: "A job's reported gauge (tag metric), e.g. LeaderboardDriftWallets.");

    internal static void Record(JobRunResult result, Activity? activity)
    {
        var job = new KeyValuePair<string, object?>("job", result.Job);
        var status = result.Status.ToString();
        Runs.Add(1, job, new KeyValuePair<string, object?>("status", status));
        if (result.DryRun)
        {
            return;
        }

        Rows.Add(result.RowsAffected, job);
        Duration.Record(result.Duration.TotalSeconds, job);
        foreach (var (metric, value) in result.Gauges)
        {
            Gauges.Record(value, job, new KeyValuePair<string, object?>("metric", metric));
        }

        activity?.SetTag("job.status", status);
        activity?.SetTag("job.rows_affected", result.RowsAffected);
        if (result.Status == JobRunStatus.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }
}
