using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The dashboard's proxy commands: "Restart proxy" (every client connection breaks, as when RDS Proxy is replaced;
/// clients reconnect) and "Reload proxy configuration" (pools re-pointed with no client noticing).
/// </summary>
internal static class PgBouncerCommands
{
    /// <summary>The restart command's name.</summary>
    public const string RestartCommand = "restart-proxy";

    /// <summary>The reload command's name.</summary>
    public const string ReloadCommand = "reload-proxy";

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    public static IResourceBuilder<PgBouncerResource> WithProxyCommands(this IResourceBuilder<PgBouncerResource> builder)
    {
        var proxy = builder.Resource;
        return builder
            .WithCommand(RestartCommand, "Restart proxy", context => RestartAsync(proxy, context), new CommandOptions
            {
                Description = "Stops and starts PgBouncer, then waits until a query through the read/write pool answers. "
                    + "Open client connections break; clients see a transient error and reconnect.",
                ConfirmationMessage = "Restart the proxy? Every open client connection breaks.",
                IconName = "ArrowClockwise",
                UpdateState = CommandStates.WhenRunning,
            })
            .WithCommand(ReloadCommand, "Reload proxy configuration", async context =>
            {
                await proxy.WriteConfigAsync(context.CancellationToken).ConfigureAwait(false);
                await PgBouncerAdmin.ReloadAsync(
                    await proxy.TargetPortAsync(context.CancellationToken).ConfigureAwait(false), PostgresServer.Superuser,
                    await proxy.PasswordAsync(context.CancellationToken).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
                return CommandResults.Success($"Pools: {ResourceNames.DatabaseName} → {proxy.Writer.Name}, {ResourceNames.ReaderDatabaseName} → {proxy.Reader.Name}.");
            }, new CommandOptions
            {
                Description = "Rewrites pgbouncer.ini for the current writer and reader and sends RELOAD: clients keep their connections.",
                IconName = "DocumentSync",
                UpdateState = CommandStates.WhenRunning,
            });
    }

    private static async Task<ExecuteCommandResult> RestartAsync(PgBouncerResource proxy, ExecuteCommandContext context)
    {
        var clock = Stopwatch.StartNew();
        var commands = context.Services.GetRequiredService<ResourceCommandService>();
        var restarted = await commands.ExecuteCommandAsync(proxy, KnownResourceCommands.RestartCommand, context.CancellationToken).ConfigureAwait(false);
        if (!restarted.Success)
        {
            return CommandResults.Failure($"The proxy did not restart: {restarted.Message}");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        deadline.CancelAfter(AnswerTimeout);
        while (!await AnswersAsync(proxy, deadline.Token).ConfigureAwait(false))
        {
            if (deadline.IsCancellationRequested)
            {
                return CommandResults.Failure($"The proxy restarted but does not answer after {AnswerTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        var message = $"The proxy answers again, {clock.Elapsed.TotalSeconds:0.0} s after the restart began.";
        context.Logger.LogInformation("{Message}", message);
        return CommandResults.Success(message);
    }

    private static async Task<bool> AnswersAsync(PgBouncerResource proxy, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await proxy.PoolConnectionString(ResourceNames.DatabaseName).GetValueAsync(cancellationToken).ConfigureAwait(false);
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }
}
