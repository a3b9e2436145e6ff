using System.Text.Json;
using TriviaNft.Data.Configuration;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Lambda;

/// <summary>
/// What the migration Lambda does with an event: CloudFormation custom-resource events from the CDK
/// <c>Provider</c> (Create/Update migrate, Delete does nothing — dropping the schema with the stack would lose
/// data), the guide's manual payload <c>{"action":"migrate"|"status","secretArn":"…"}</c>, and the scheduled jobs'
/// payload <c>{"job":"…","at":"…"}</c> (<see cref="JobEventHandler"/>).
/// </summary>
internal sealed class MigrationEventHandler(IDatabaseSecretResolver secrets, string migrationsDirectory, JobEventHandler? jobs = null)
{
    /// <summary>The physical id of the custom resource when CloudFormation has not given one yet.</summary>
    public const string PhysicalResourceId = "trivianft-schema-migrations";

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>Handles <paramref name="invocation"/> and returns the JSON response.</summary>
    public async Task<string> HandleAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        using var document = ParseEvent(invocation.Body);
        var root = document.RootElement;
        if (root.TryGetProperty("RequestType", out var requestType))
        {
            var physicalId = Text(root, "PhysicalResourceId") ?? PhysicalResourceId;
            if (requestType.GetString() == "Delete")
            {
                return JsonSerializer.Serialize(new CustomResourceResponse(physicalId, new CustomResourceData(0, 0)), LambdaJsonContext.Default.CustomResourceResponse);
            }

            var properties = root.TryGetProperty("ResourceProperties", out var p) ? p : default;
            var result = await MigrateAsync(SecretArn(properties), invocation.Deadline, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Serialize(
                new CustomResourceResponse(physicalId, new CustomResourceData(result.Names.Count, result.Total)),
                LambdaJsonContext.Default.CustomResourceResponse);
        }

        if (jobs is not null && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("job", out _))
        {
            return await jobs.HandleAsync(root, cancellationToken).ConfigureAwait(false);
        }

        var action = Text(root, "action") ?? throw new MigrationConfigurationException(
            "The event is neither a CloudFormation custom-resource event, {\"action\":\"migrate\"|\"status\"} nor {\"job\":\"<name>\"}.");
        var arn = SecretArn(root);
        switch (action)
        {
            case "migrate":
                var migrated = await MigrateAsync(arn, invocation.Deadline, cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Serialize(new ManualResponse("migrate", "ok", migrated.Names, migrated.Total, null), ManualJsonContext.Default.ManualResponse);
            case "status":
                var runner = await RunnerAsync(arn, invocation.Deadline, cancellationToken).ConfigureAwait(false);
                var entries = await runner.StatusAsync(cancellationToken).ConfigureAwait(false);
                var lines = entries.Select(e => new ManualStatusLine(e.Name, Kebab(e.State), Kebab(e.Checksum), e.Problem)).ToList();
                var status = lines.All(l => l.Problem is null) ? "ok" : "problems";
                return JsonSerializer.Serialize(
                    new ManualResponse("status", status, [.. lines.Where(l => l.State == "applied").Select(l => l.Name)], lines.Count, lines),
                    ManualJsonContext.Default.ManualResponse);
            default:
                throw new MigrationConfigurationException($"Unknown action '{action}': use \"migrate\" or \"status\".");
        }
    }

    private async Task<MigrationResult> MigrateAsync(string secretArn, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var runner = await RunnerAsync(secretArn, deadline, cancellationToken).ConfigureAwait(false);
        return await runner.UpAsync(MigrationTarget.Default, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MigrationRunner> RunnerAsync(string secretArn, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // Read at invoke time: the extension is not up during init, and a rotated secret is picked up.
        var connectionString = await secrets.ResolveConnectionStringAsync(secretArn, cancellationToken).ConfigureAwait(false);
        var remaining = deadline - DateTimeOffset.UtcNow - Margin;
        var budget = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
        var options = new MigratorOptions
        {
            ConnectionString = connectionString,
            MigrationsDirectory = migrationsDirectory,
            LockTimeout = budget < TimeSpan.FromSeconds(60) ? budget : TimeSpan.FromSeconds(60),
            CommandTimeout = budget,
        };
        // One CloudWatch line per migration, as the CLI prints.
        return new MigrationRunner(options, step => Console.WriteLine(
            $"{step.Direction.ToString().ToLowerInvariant()} {step.Name} ({step.Duration.TotalMilliseconds:0} ms)"));
    }

    private static string SecretArn(JsonElement container) =>
        (container.ValueKind == JsonValueKind.Object ? Text(container, "secretArn") ?? Text(container, "SecretArn") : null)
        ?? Environment.GetEnvironmentVariable("DATABASE_SECRET_ARN")
        ?? throw new MigrationConfigurationException("No database secret: pass \"secretArn\" or set DATABASE_SECRET_ARN.");

    private static JsonDocument ParseEvent(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new MigrationConfigurationException($"The event is not JSON: {ex.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
