using System.Text.Json;
using TriviaNft.Data;
using TriviaNft.Data.Configuration;
using TriviaNft.Data.Jobs;
using TriviaNft.Data.Redis.Connection;
using TriviaNft.Migrator.Engine;
using TriviaNft.Migrator.Jobs;

namespace TriviaNft.Migrator.Lambda;

/// <summary>
/// The scheduled-job payload <c>{"job":"&lt;name&gt;","at":"&lt;ISO 8601&gt;","dryRun":false}</c> that the stack's
/// EventBridge Scheduler schedules send (<c>at</c> is the schedule's own time, so a retried delivery acts as of the
/// instant it was scheduled for). PostgreSQL comes from <c>DATABASE_SECRET_ARN</c> (the writer, direct, like the
/// migrations), Redis from <c>REDIS_SECRET_ARN</c> + <c>REDIS_ENDPOINT</c> and only for the job that needs it.
/// A failed job fails the invocation, so the scheduler retries it and, past its retries, sends it to the DLQ;
/// every run prints one CloudWatch Embedded Metric Format line (<see cref="JobMetricsLine"/>) for the alarms.
/// </summary>
internal sealed class JobEventHandler(AwsSecretsExtensionResolver secrets, TextWriter log)
{
    public async Task<string> HandleAsync(JsonElement root, CancellationToken cancellationToken)
    {
        var name = root.GetProperty("job").GetString() ?? throw new MigrationConfigurationException("\"job\" must be a job name.");
        var at = root.TryGetProperty("at", out var a) && a.ValueKind == JsonValueKind.String ? ParseAt(a.GetString()!) : (DateTimeOffset?)null;
        var dryRun = root.TryGetProperty("dryRun", out var d) && d.ValueKind == JsonValueKind.True;
        var arn = Environment.GetEnvironmentVariable("DATABASE_SECRET_ARN")
            ?? throw new MigrationConfigurationException("No database secret: set DATABASE_SECRET_ARN.");
        var database = TriviaNftDataSources.FromConnectionStrings(await secrets.ResolveConnectionStringAsync(arn, cancellationToken).ConfigureAwait(false));
        await using var writer = database.Writer;
        using var redis = JobsConnections.NeedsRedis([name])
            ? await TriviaNftRedis.FromEnvironmentAsync(new SecretsExtensionRedisSecretResolver(secrets), cancellationToken).ConfigureAwait(false)
            : null;
        var runner = new JobRunner(database, TriviaNftJobs.Create(database, redis));
        JobRunResult result;
        try
        {
            result = await runner.RunAsync(name, at, dryRun, cancellationToken).ConfigureAwait(false);
        }
        catch (JobNotFoundException ex)
        {
            throw new MigrationConfigurationException(ex.Message);
        }

        await log.WriteLineAsync(JobMetricsLine.Format(result, Environment.GetEnvironmentVariable("TRIVIANFT_ENVIRONMENT") ?? "local")).ConfigureAwait(false);
        return result.Status == JobRunStatus.Failed
            ? throw new JobFailedException($"Job {name} as of {result.At:O} failed: {result.Error}")
            : JsonSerializer.Serialize(JobRunReport.From(result), JobsJsonContext.Default.JobRunReport);
    }

    private static DateTimeOffset ParseAt(string value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new MigrationConfigurationException($"\"at\" is not an ISO 8601 instant: '{value}'.");
}

/// <summary>A scheduled job failed; the invocation fails so that EventBridge Scheduler retries it.</summary>
internal sealed class JobFailedException(string message) : Exception(message);
