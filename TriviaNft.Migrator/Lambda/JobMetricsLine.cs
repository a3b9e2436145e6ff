using System.Text;
using System.Text.Json;
using TriviaNft.Data.Jobs;

namespace TriviaNft.Migrator.Lambda;

/// <summary>
/// One CloudWatch Embedded Metric Format line per job run: CloudWatch Logs turns it into metrics of namespace
/// <c>TriviaNFT/Jobs</c> with no agent and no API call. <c>JobRuns</c>, <c>JobFailures</c>, <c>RowsAffected</c> and
/// <c>DurationMs</c> per <c>Environment</c> and <c>Job</c>; the job's gauges (<see cref="JobMetricNames"/>) per
/// <c>Environment</c> only, which is what the stack's alarms watch.
/// </summary>
internal static class JobMetricsLine
{
    public const string Namespace = "TriviaNFT/Jobs";

    public static string Format(JobRunResult result, string environment)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            Directive(json, ["Environment", "Job"], [("JobRuns", "Count"), ("JobFailures", "Count"), ("RowsAffected", "Count"), ("DurationMs", "Milliseconds")]);
            if (result.Gauges.Count > 0)
            {
                Directive(json, ["Environment"], [.. result.Gauges.Keys.Select(k => (k, "Count"))]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("Environment", environment);
            json.WriteString("Job", result.Job);
            json.WriteString("Status", Jobs.JobRunReport.StatusText(result.Status));
            json.WriteNumber("JobRuns", result.Status == JobRunStatus.AlreadyRunning ? 0 : 1);
            json.WriteNumber("JobFailures", result.Status == JobRunStatus.Failed ? 1 : 0);
            json.WriteNumber("RowsAffected", result.RowsAffected);
            json.WriteNumber("DurationMs", (long)result.Duration.TotalMilliseconds);
            foreach (var (metric, value) in result.Gauges)
            {
                json.WriteNumber(metric, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Directive(Utf8JsonWriter json, string[] dimensions, (string Name, string Unit)[] metrics)
    {
        json.WriteStartObject();
        json.WriteString("Namespace", Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var (name, unit) in metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
