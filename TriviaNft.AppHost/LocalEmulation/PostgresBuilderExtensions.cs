using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Adds native PostgreSQL servers: the writer and its streaming replica.</summary>
internal static class PostgresBuilderExtensions
{
    /// <summary>
    /// The writer: initialised at the first start (database <c>trivianft</c>, <c>pg_stat_statements</c>), its data
    /// kept in the state folder; at every start its superuser password is set from <paramref name="password"/>.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddNativePostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password,
        LocalState state, LocalEmulationOptions options)
    {
        var dataDirectory = state.For(name);
        var server = new PostgresServerResource(name, Program(dataDirectory), dataDirectory, password.Resource, state.PassFile);
        return builder.AddServer(server, PostgresServer.ObservabilitySettings(options.SlowStatement), isReplica: false)
            .OnBeforeResourceStarted(static async (pg, evt, ct) =>
            {
                var logger = evt.Services.GetRequiredService<ResourceLoggerService>().GetLogger(pg);
                var secret = await pg.Password.GetValueAsync(ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The parameter '{pg.Password.Name}' has no value.");
                if (!PostgresServer.IsInitialized(pg.DataDirectory))
                {
                    logger.LogInformation("Initialising a new cluster in {DataDirectory}", pg.DataDirectory);
                    await PostgresServer.InitializeAsync(pg.DataDirectory, secret, ct).ConfigureAwait(false);
                }

                await PostgresServer.WritePassFileAsync(pg.PassFile, secret, ct).ConfigureAwait(false);
                await PostgresServer.BootstrapAsync(pg.DataDirectory, secret, ResourceNames.DatabaseName, ct).ConfigureAwait(false);
            });
    }

    /// <summary>
    /// A read-only streaming replica of <paramref name="primary"/>, cloned with <c>pg_basebackup</c> the first
    /// time (once the writer is healthy) and resumed from its own data afterwards.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddStreamingReplica(
        this IResourceBuilder<PostgresServerResource> primary, string name, LocalState state, LocalEmulationOptions options)
    {
        var dataDirectory = state.For(name);
        var writer = primary.Resource;
        var replica = new PostgresServerResource(name, Program(dataDirectory), dataDirectory, writer.Password, writer.PassFile, writer);
        return primary.ApplicationBuilder.AddServer(replica, PostgresServer.ObservabilitySettings(options.SlowStatement), isReplica: true)
            .WaitFor(primary)
            .OnBeforeResourceStarted(static async (pg, evt, ct) =>
            {
                // Our handler may run before the orchestrator's WaitFor handler: wait for the writer ourselves.
                var notifications = evt.Services.GetRequiredService<ResourceNotificationService>();
                await notifications.WaitForResourceHealthyAsync(pg.Primary!.Name, ct).ConfigureAwait(false);
                if (!PostgresServer.IsInitialized(pg.DataDirectory))
                {
                    var logger = evt.Services.GetRequiredService<ResourceLoggerService>().GetLogger(pg);
                    logger.LogInformation("Cloning {Primary} into {DataDirectory}", pg.Primary.Name, pg.DataDirectory);
                    await PostgresServer.CloneReplicaAsync(
                        pg.DataDirectory, await pg.Primary.TargetPortAsync(ct).ConfigureAwait(false), pg.PassFile, pg.SlotName, ct)
                        .ConfigureAwait(false);
                }
            });
    }

    private static IResourceBuilder<PostgresServerResource> AddServer(
        this IDistributedApplicationBuilder builder, PostgresServerResource server,
        IReadOnlyDictionary<string, string> settings, bool isReplica)
    {
        var healthCheck = $"{server.Name}_accepts_queries";
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => new PostgresHealthCheck(server, isReplica), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithServerEndpoint()
            .WithArgs(async context =>
            {
                var port = await server.TargetPortAsync(context.CancellationToken).ConfigureAwait(false);
                var all = new Dictionary<string, string>(settings);
                if (server.Primary is not null)
                {
                    var primaryPort = await server.Primary.TargetPortAsync(context.CancellationToken).ConfigureAwait(false);
                    foreach (var (key, value) in PostgresServer.ReplicaSettings(primaryPort, server.PassFile, server.SlotName))
                    {
                        all[key] = value;
                    }
                }

                foreach (var argument in PostgresServer.Command(server.DataDirectory, port, all).Arguments)
                {
                    context.Args.Add(argument);
                }
            })
            .WithIconName("Database")
            .WithHealthCheck(healthCheck);
    }

    // The program (postgres, or setpriv in front of it when we are root) does not depend on the port,
    // which is only known once the orchestrator has allocated it; the arguments are computed then.
    private static string Program(string dataDirectory) => PostgresServer.Command(dataDirectory, port: 0).FileName;
}
