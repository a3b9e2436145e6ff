using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriviaNft.Data;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// Once every server is healthy, prints where the dashboard is and how to connect with psql and redis-cli.
/// Passwords are never printed: only the parameter that holds them.
/// </summary>
internal static class ReadyBanner
{
    // The dashboard's resource name in the Aspire app model.
    private const string DashboardResourceName = "aspire-dashboard";

    public static void AddReadyBanner(this IDistributedApplicationBuilder builder, LocalState state) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((evt, ct) =>
        {
            var stopping = evt.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = PrintWhenReadyAsync(evt.Services, evt.Model, state, stopping);
            return Task.CompletedTask;
        });

    private static async Task PrintWhenReadyAsync(
        IServiceProvider services, DistributedApplicationModel model, LocalState state, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TriviaNft.AppHost");
        try
        {
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            foreach (var name in new[] { ResourceNames.Postgres, ResourceNames.PostgresReader, ResourceNames.Proxy, ResourceNames.Redis })
            {
                await notifications.WaitForResourceHealthyAsync(name, cancellationToken).ConfigureAwait(false);
            }

            var migrations = await MigratorOutcomeAsync(notifications, model, cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"TriviaNft DataStack is ready after {SinceStart(DateTime.UtcNow)}; {migrations}.")
                .AppendLine($"  Dashboard         {await DashboardUrlAsync(model, cancellationToken).ConfigureAwait(false)}")
                .AppendLine($"  {ResourceNames.TriviaDb,-17} {await PsqlAsync(model, ResourceNames.Proxy, ResourceNames.DatabaseName, cancellationToken).ConfigureAwait(false)}   # PgBouncer, transaction pooling")
                .AppendLine($"  {ResourceNames.TriviaDbReader,-17} {await PsqlAsync(model, ResourceNames.Proxy, ResourceNames.ReaderDatabaseName, cancellationToken).ConfigureAwait(false)}   # the replica, through PgBouncer")
                .AppendLine($"  {ResourceNames.TriviaDbAdmin,-17} {await PsqlAsync(model, CurrentWriter(model), ResourceNames.DatabaseName, cancellationToken).ConfigureAwait(false)}   # the writer, direct")
                .AppendLine($"  {ResourceNames.Cache,-17} redis-cli -c -h 127.0.0.1 -p {await PortAsync(model, $"{ResourceNames.Redis}-0", cancellationToken).ConfigureAwait(false)} --askpass")
                .AppendLine($"  Passwords: parameters '{ResourceNames.PostgresPassword}' and '{ResourceNames.RedisPassword}' (dashboard, or `dotnet user-secrets list --project TriviaNft.AppHost`).")
                .Append($"  State: {state.Root} (kept across runs; `dotnet run --project TriviaNft.AppHost -- --reset` wipes it).");
            if (state.Notice is not null)
            {
                text.AppendLine().Append("  Note: ").Append(state.Notice);
            }

            logger.LogInformation("{Banner}", text.ToString());
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was up: nothing to announce.
        }
    }

    private static async Task<string> MigratorOutcomeAsync(
        ResourceNotificationService notifications, DistributedApplicationModel model, CancellationToken cancellationToken)
    {
        if (!model.Resources.Any(r => r.Name == ResourceNames.Migrator))
        {
            return "no migrator";
        }

        var done = await notifications.WaitForResourceAsync(
            ResourceNames.Migrator, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken).ConfigureAwait(false);
        var finishedAt = done.Snapshot.StopTimeStamp is { } stop ? $" after {SinceStart(stop.ToUniversalTime())}" : string.Empty;
        return $"migrator {done.Snapshot.State?.Text} (exit code {done.Snapshot.ExitCode}){finishedAt}";
    }

    // Seconds since this AppHost process started, the figure docs/local-emulation.md reports.
    private static string SinceStart(DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{(utc - Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds:0.0} s");

    private static async Task<string> PsqlAsync(DistributedApplicationModel model, string resource, string database, CancellationToken cancellationToken) =>
        $"psql \"host=127.0.0.1 port={await PortAsync(model, resource, cancellationToken).ConfigureAwait(false)} dbname={database} user=postgres\"";

    // After a failover the writer is `postgres-reader`.
    private static string CurrentWriter(DistributedApplicationModel model) =>
        model.Resources.OfType<PostgresServerResource>().FirstOrDefault(r => r.Primary is null)?.Name ?? ResourceNames.Postgres;

    private static async Task<string?> PortAsync(DistributedApplicationModel model, string resource, CancellationToken cancellationToken) =>
        await model.Resources.OfType<IResourceWithEndpoints>().Single(r => r.Name == resource).ServerEndpointOf()
            .Property(EndpointProperty.Port).GetValueAsync(cancellationToken).ConfigureAwait(false);

    private static async Task<string> DashboardUrlAsync(DistributedApplicationModel model, CancellationToken cancellationToken)
    {
        if (model.Resources.OfType<IResourceWithEndpoints>().FirstOrDefault(r => r.Name == DashboardResourceName) is not { } dashboard)
        {
            return "(disabled)";
        }

        var endpoint = dashboard.GetEndpoints().FirstOrDefault(e => e.EndpointName is "https" or "http");
        var url = endpoint is null ? null : await endpoint.GetValueAsync(cancellationToken).ConfigureAwait(false);
        return url is null ? "(no endpoint)" : $"{url} (log in with the link printed at start)";
    }
}
