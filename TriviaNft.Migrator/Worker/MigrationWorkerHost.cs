using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Worker;

/// <summary>Worker mode: what runs when the migrator starts with no command, as under the Aspire AppHost.</summary>
internal static class MigrationWorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.AddSingleton<MigratorOptions>(_ => new MigratorOptions
        {
            ConnectionString = MigratorConnection.Resolve(null, builder.Configuration),
            MigrationsDirectory = builder.Configuration["Migrator:MigrationsDirectory"] ?? MigrationSource.DefaultDirectory,
        });
        builder.Services.AddHostedService<MigrationWorker>();

        using var host = builder.Build();
        try
        {
            await host.RunAsync().ConfigureAwait(false);
        }
        catch (MigrationConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }

        return Environment.ExitCode;
    }
}
