using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The dashboard's "Fail over (promote reader)" on each PostgreSQL server: the guide's "test failover scenarios", done
/// as Aurora does it. The old writer is fenced (fast shutdown), the reader promoted, the proxy's pools re-pointed by a
/// RELOAD (clients keep their connections to the proxy), and the old writer rebuilt as the new reader.
/// </summary>
internal static class PostgresFailoverCommand
{
    /// <summary>The command's name, for <see cref="ResourceCommandService"/>.</summary>
    public const string Name = "failover";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    public static IResourceBuilder<PostgresServerResource> WithPostgresFailoverCommand(this IResourceBuilder<PostgresServerResource> builder)
    {
        var topology = builder.Resource.Topology;
        return builder.WithCommand(Name, "Fail over (promote reader)", context => FailoverAsync(topology, context), new CommandOptions
        {
            Description = "Promotes the streaming replica to writer, re-points the proxy's pools (RELOAD, no restart) and rebuilds "
                + "the old writer as the new replica with pg_basebackup — Aurora's failover. Enabled while the server runs.",
            ConfirmationMessage = "Fail over PostgreSQL? The writer stops; its open transactions are rolled back and clients see a transient error.",
            IconName = "ArrowSwap",
            UpdateState = CommandStates.WhenRunning,
        });
    }

    /// <summary>Runs the failover; also called by tests through <see cref="ResourceCommandService"/>.</summary>
    public static async Task<ExecuteCommandResult> FailoverAsync(PostgresTopology topology, ExecuteCommandContext context)
    {
        var ct = context.CancellationToken;
        if (!await topology.FailoverLock.WaitAsync(0, ct).ConfigureAwait(false))
        {
            return CommandResults.Failure("A PostgreSQL failover is already under way.");
        }

        try
        {
            var (oldWriter, newWriter, proxy) = (topology.Writer, topology.Reader, topology.Proxy!);
            if (await PostgresProbe.IsInRecoveryAsync(newWriter, ct).ConfigureAwait(false) is not true)
            {
                return CommandResults.Failure($"{newWriter.Name} is not a running replica: there is nothing to promote.");
            }

            var clock = Stopwatch.StartNew();
            var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
            context.Logger.LogInformation("Failing over: fencing {OldWriter}, promoting {NewWriter}", oldWriter.Name, newWriter.Name);

            // 1. Fence: two writers must never both accept writes.
            await PostgresFailover.StopIfRunningAsync(oldWriter.DataDirectory, ct).ConfigureAwait(false);
            await notifications.WaitForResourceAsync(oldWriter.Name, KnownResourceStates.TerminalStates, ct).WaitAsync(StepTimeout, ct).ConfigureAwait(false);

            // 2. Promote, 3. re-point the proxy: from here the read/write pool reaches the new writer.
            await PostgresFailover.PromoteAsync(newWriter.DataDirectory, ct).ConfigureAwait(false);
            topology.Swap();
            await proxy.WriteConfigAsync(ct).ConfigureAwait(false);
            await PgBouncerAdmin.ReloadAsync(
                await proxy.TargetPortAsync(ct).ConfigureAwait(false), PostgresServer.Superuser, await proxy.PasswordAsync(ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            var writable = clock.Elapsed;

            // 4. Rebuild the old writer as the new reader: its data may hold a diverged timeline, so it is cloned afresh.
            await PostgresFailover.RebuildReplicaAsync(
                oldWriter.DataDirectory, await newWriter.TargetPortAsync(ct).ConfigureAwait(false), oldWriter.PassFile, oldWriter.SlotName, ct)
                .ConfigureAwait(false);
            var commands = context.Services.GetRequiredService<ResourceCommandService>();
            var started = await commands.ExecuteCommandAsync(oldWriter, KnownResourceCommands.StartCommand, ct).ConfigureAwait(false);
            if (!started.Success)
            {
                return CommandResults.Failure($"{newWriter.Name} is the writer, but {oldWriter.Name} did not start as its reader: {started.Message}");
            }

            await PostgresProbe.WaitForRoleAsync(oldWriter, replica: true, StepTimeout, ct).ConfigureAwait(false);
            var message = $"{newWriter.Name} is the writer (writable through the proxy after {writable.TotalSeconds:0.0} s); "
                + $"{oldWriter.Name} was rebuilt as its reader ({clock.Elapsed.TotalSeconds:0.0} s in all).";
            context.Logger.LogInformation("{Message}", message);
            return CommandResults.Success(message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            context.Logger.LogError(ex, "The PostgreSQL failover failed");
            return CommandResults.Failure(ex);
        }
        finally
        {
            topology.FailoverLock.Release();
        }
    }
}
