using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Starts the real AppHost (Program.cs, native processes) inside the test process, with its own state folder
/// and passwords, so a test run never touches a developer's <c>.local</c> state or user secrets.
/// </summary>
internal static class TestStack
{
    /// <summary>Start to migrator finished; generous because CI runs on 2 cores next to other test assemblies.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Any single wait once the stack is up.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Stopping the app and every process it started.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The servers that must report healthy before any test runs.</summary>
    public static readonly string[] Servers = [ResourceNames.Postgres, ResourceNames.PostgresReader, ResourceNames.Proxy, ResourceNames.Redis];

    /// <summary>Builds and starts the AppHost, then waits for every server to be healthy and the migrator to end.</summary>
    /// <param name="stateDirectory">The state folder of this run (LocalEmulation:StateDirectory).</param>
    /// <param name="secrets">The passwords of this run.</param>
    /// <param name="enableDashboard">Whether the dashboard runs (the browser test needs it).</param>
    /// <param name="capture">When given, keeps every log line and telemetry export of the run (the secrets test).</param>
    public static async Task<DistributedApplication> StartAsync(string stateDirectory, TestSecrets secrets, bool enableDashboard, StackCapture? capture = null)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TriviaNft_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = enableDashboard },
            [
                $"--LocalEmulation:StateDirectory={stateDirectory}",
                $"--Parameters:{ResourceNames.PostgresPassword}={secrets.PostgresPassword}",
                $"--Parameters:{ResourceNames.RedisPassword}={secrets.RedisPassword}",
            ],
            timeout.Token).WaitAsync(StartTimeout);

        // The resources' own logs stay readable through ResourceLoggerService; the test output keeps to failures.
        builder.Services.AddLogging(logging => logging
            .AddFilter("TriviaNft.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning));

        capture?.Attach(builder);
        var app = await builder.BuildAsync(timeout.Token).WaitAsync(StartTimeout);
        try
        {
            await app.StartAsync(timeout.Token).WaitAsync(StartTimeout);
            capture?.ResourceLogs.Follow(app);
            foreach (var server in Servers)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(server, timeout.Token).WaitAsync(StartTimeout);
            }

            await app.ResourceNotifications.WaitForResourceAsync(ResourceNames.Migrator, KnownResourceStates.TerminalStates, timeout.Token)
                .WaitAsync(StartTimeout);
            return app;
        }
        catch
        {
            await app.DisposeAsync().AsTask().WaitAsync(StopTimeout);
            throw;
        }
    }
}

/// <summary>Throw-away passwords for one test run.</summary>
internal sealed record TestSecrets(string PostgresPassword, string RedisPassword)
{
    public static TestSecrets Create() => new(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
}
