using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Everything a started stack writes, for the secrets scan: the AppHost's own log, every resource's console
/// log, and the telemetry the projects export (through <see cref="OtlpCapture"/>, which forwards it on to the
/// dashboard).
/// </summary>
internal sealed class StackCapture : IAsyncDisposable
{
    public LogCapture AppHostLogs { get; } = new();

    public ResourceLogCapture ResourceLogs { get; } = new();

    public OtlpCapture Telemetry { get; } = OtlpCapture.Start();

    /// <summary>Wires the capture into the app before it is built.</summary>
    public void Attach(IDistributedApplicationTestingBuilder builder)
    {
        builder.Services.AddLogging(logging => logging
            .AddProvider(AppHostLogs)
            .AddFilter<LogCapture>(null, LogLevel.Debug));

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // Aspire points the project at the dashboard's OTLP/HTTP endpoint; this callback runs after Aspire's
            // (added with the project), takes that endpoint as the forwarding target and puts the capture between.
            builder.CreateResourceBuilder(project)
                .WithOtlpExporter(OtlpProtocol.HttpProtobuf)
                .WithEnvironment(async context =>
                {
                    Telemetry.DashboardEndpoint = context.EnvironmentVariables.TryGetValue("OTEL_EXPORTER_OTLP_ENDPOINT", out var value)
                        ? value is IValueProvider provider ? await provider.GetValueAsync(context.CancellationToken) : value.ToString()
                        : null;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResourceLogs.DisposeAsync();
        await Telemetry.DisposeAsync();
        AppHostLogs.Dispose();
    }

    /// <summary>The projects whose telemetry the capture receives.</summary>
    public static IReadOnlyList<string> Projects => [ResourceNames.Migrator];
}
