using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriviaNft.Data.Jobs;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Jobs;

/// <summary>
/// <c>jobs schedule</c>: a host (service defaults: traces, metrics and logs to the dashboard) that runs every job
/// when it is due and serves the dashboard's "run now" commands on <c>JOBS_HTTP_PORT</c>.
/// </summary>
internal static class JobSchedulerHost
{
    public static async Task<int> RunAsync(IConfiguration cliConfiguration, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(cliConfiguration);
        builder.AddServiceDefaults();
        await using var connections = await JobsConnections.OpenAsync(null, builder.Configuration, withRedis: true).ConfigureAwait(false);
        builder.Services.AddSingleton(sp => connections.Runner(builder.Configuration, sp.GetService<TimeProvider>(), sp.GetRequiredService<ILogger<JobRunner>>()));
        builder.Services.AddHostedService<JobScheduler>();
        if (builder.Configuration["JOBS_HTTP_PORT"] is { Length: > 0 } port)
        {
            builder.Services.AddHostedService(sp => new JobTriggerListener(
                sp.GetRequiredService<JobRunner>(), int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
                sp.GetRequiredService<ILogger<JobTriggerListener>>()));
        }

        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
