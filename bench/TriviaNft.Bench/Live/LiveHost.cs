using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriviaNft.Data;

namespace TriviaNft.Bench.Live;

/// <summary>The bench as an AppHost project resource: ServiceDefaults (telemetry to the dashboard), the data layer, the workload.</summary>
internal static class LiveHost
{
    /// <summary>True when the AppHost gave us its connection strings (ConnectionStrings__trivia-db and the others).</summary>
    public static bool IsUnderAppHost() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable($"ConnectionStrings__{ResourceNames.TriviaDb}"));

    public static async Task RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();
        builder.AddTriviaNftData();
        builder.Services.AddHostedService<LiveWorkload>();
        await builder.Build().RunAsync().ConfigureAwait(false);
    }
}
