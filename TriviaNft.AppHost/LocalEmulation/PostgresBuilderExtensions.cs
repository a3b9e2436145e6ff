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
        LocalState state, LocalEmulationOptions options, PostgresTopology topology)
    {
        var dataDirectory = state.For(name);
        var server = new PostgresServerResource(name, Program(dataDirectory), dataDirectory, password.Resource, state.PassFile, topology);
        return builder.AddServer(server, PostgresServer.ObservabilitySettings(options.SlowStatement))
            .OnBeforeResourceStarted(PrepareAsync);
    }

    /// <summary>
    /// A read-only streaming replica of <paramref name="primary"/>, cloned with <c>pg_basebackup</c> the first
    /// time (once the writer is healthy) and resumed from its own data afterwards. After a failover the two swap
    /// roles (see <see cref="PostgresTopology"/>).
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddStreamingReplica(
        this IResourceBuilder<PostgresServerResource> primary, string name, LocalState state, LocalEmulationOptions options)
    {
        var dataDirectory = state.For(name);
        var writer = primary.Resource;
        var replica = new PostgresServerResource(name, Program(dataDirectory), dataDirectory, writer.Password, writer.PassFile, writer.Topology);
        writer.Topology.Bind(writer, replica);
        var builder = primary.ApplicationBuilder.AddServer(replica, PostgresServer.ObservabilitySettings(options.SlowStatement))
            .OnBeforeResourceStarted(PrepareAsync);

        // The replica starts once the writer is healthy: the writer sets the password (it may have changed since the
        // last run) that the replica's health check and WAL receiver use. After a failover the roles are swapped.
        if (ReferenceEquals(writer.Topology.Writer, replica))
        {
            primary.WaitFor(builder);
        }
        else
        {
            builder.WaitFor(primary);
        }

        return builder;
    }

    // At every start, by the role the server has now: the writer is initialised (first start) and bootstrapped (its
    // password, database and extension); a replica is cloned from the writer if it has no data yet.
    private static async Task PrepareAsync(PostgresServerResource pg, BeforeResourceStartedEvent evt, CancellationToken ct)
    {
        var logger = evt.Services.GetRequiredService<ResourceLoggerService>().GetLogger(pg);
        if (pg.Primary is not { } primary)
        {
            var secret = await pg.Password.GetValueAsync(ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The parameter '{pg.Password.Name}' has no value.");
            if (!PostgresServer.IsInitialized(pg.DataDirectory))
            {
                logger.LogInformation("Initialising a new cluster in {DataDirectory}", pg.DataDirectory);
                await PostgresServer.InitializeAsync(pg.DataDirectory, secret, ct).ConfigureAwait(false);
            }

            await PostgresServer.WritePassFileAsync(pg.PassFile, secret, ct).ConfigureAwait(false);
            await PostgresServer.BootstrapAsync(pg.DataDirectory, secret, ResourceNames.DatabaseName, ct).ConfigureAwait(false);
            return;
        }

        if (!PostgresServer.IsInitialized(pg.DataDirectory))
        {
            // Our handler may run before the orchestrator's WaitFor handler: wait for the writer ourselves.
            var notifications = evt.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.WaitForResourceHealthyAsync(primary.Name, ct).ConfigureAwait(false);
            logger.LogInformation("Cloning {Primary} into {DataDirectory}", primary.Name, pg.DataDirectory);
            await PostgresServer.CloneReplicaAsync(
                pg.DataDirectory, await primary.TargetPortAsync(ct).ConfigureAwait(false), pg.PassFile, pg.SlotName, ct)
                .ConfigureAwait(false);
        }
    }

    private static IResourceBuilder<PostgresServerResource> AddServer(
        this IDistributedApplicationBuilder builder, PostgresServerResource server,
        IReadOnlyDictionary<string, string> settings)
    {
        var healthCheck = $"{server.Name}_accepts_queries";
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => new PostgresHealthCheck(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithServerEndpoint()
            .WithArgs(async context =>
            {
                var port = await server.TargetPortAsync(context.CancellationToken).ConfigureAwait(false);
                var all = new Dictionary<string, string>(settings);
                if (server.Primary is { } primary)
                {
                    var primaryPort = await primary.TargetPortAsync(context.CancellationToken).ConfigureAwait(false);
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
            .WithHealthCheck(healthCheck)
            .WithPostgresFailoverCommand();
    }

    // The program (postgres, or setpriv in front of it when we are root) does not depend on the port,
    // which is only known once the orchestrator has allocated it; the arguments are computed then.
    private static string Program(string dataDirectory) => PostgresServer.Command(dataDirectory, port: 0).FileName;
}
