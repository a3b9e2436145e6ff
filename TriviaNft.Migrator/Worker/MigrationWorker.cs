using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Worker;

/// <summary>
/// The migrator as an Aspire resource: applies pending migrations once, then stops the host so the AppHost
/// sees the resource Finished and releases everything that waits for it.
/// </summary>
internal sealed partial class MigrationWorker(
    MigratorOptions options, IHostApplicationLifetime lifetime, ILogger<MigrationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var runner = new MigrationRunner(options, step => LogStep(step.Name, (long)step.Duration.TotalMilliseconds));
            var result = await runner.UpAsync(MigrationTarget.Default, stoppingToken).ConfigureAwait(false);
            LogDone(result.Names.Count, result.Total);
            Environment.ExitCode = ExitCodes.Ok;
        }
        catch (MigrationException ex)
        {
            // A BackgroundService that throws still exits 0 on .NET 10: the exit code is set here, explicitly.
            LogFailed(ex.ExitCode, ex.Message);
            Environment.ExitCode = ex.ExitCode;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = ExitCodes.MigrationFailed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} in {ElapsedMs} ms")]
    private partial void LogStep(string migration, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrations up to date: applied {Applied} of {Total}")]
    private partial void LogDone(int applied, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration failed (exit code {ExitCode}): {Reason}")]
    private partial void LogFailed(int exitCode, string reason);
}
