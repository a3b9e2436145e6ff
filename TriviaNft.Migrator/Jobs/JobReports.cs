using System.Text.Json;
using System.Text.Json.Serialization;
using TriviaNft.Data.Jobs;

namespace TriviaNft.Migrator.Jobs;

/// <summary>A job run as the CLI's <c>--json</c>, the Lambda's answer and the scheduler's trigger endpoint write it.</summary>
internal sealed record JobRunReport(
    string Job, DateTimeOffset At, bool DryRun, string Status, long RowsAffected, long DurationMs,
    string Summary, IReadOnlyDictionary<string, long> Gauges, string? Error)
{
    public static JobRunReport From(JobRunResult result) => new(
        result.Job, result.At, result.DryRun, StatusText(result.Status), result.RowsAffected,
        (long)result.Duration.TotalMilliseconds, result.Summary, result.Gauges, result.Error);

    /// <summary>succeeded, already-running or failed.</summary>
    public static string StatusText(JobRunStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}

/// <summary>A job in <c>jobs list --json</c>.</summary>
internal sealed record JobListEntry(
    string Job, string Description, string Schedule, DateTimeOffset? LastRunFor, DateTimeOffset NextRun, bool Due)
{
    public static JobListEntry From(JobStatus status) =>
        new(status.Job, status.Description, status.Schedule, status.LastRunFor, status.NextRun, status.Due);
}

/// <summary>Source-generated camelCase JSON: the Lambda bundle is trimmed.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(JobRunReport))]
[JsonSerializable(typeof(IReadOnlyList<JobRunReport>))]
[JsonSerializable(typeof(IReadOnlyList<JobListEntry>))]
internal sealed partial class JobsJsonContext : JsonSerializerContext;
