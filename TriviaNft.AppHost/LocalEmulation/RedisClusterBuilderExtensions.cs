using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Adds the local Redis cluster: its nodes as executables, and the step that joins them.</summary>
internal static class RedisClusterBuilderExtensions
{
    private const int MinimumPrimaries = 3;
    private const string BusEndpoint = "bus";

    public static IResourceBuilder<RedisClusterResource> AddNativeRedisCluster(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password,
        LocalState state, LocalEmulationOptions options)
    {
        if (options.RedisPrimaries < MinimumPrimaries || options.RedisReplicasPerPrimary < 0)
        {
            throw new LocalEmulationException(
                $"{LocalEmulationOptions.Section}:Redis needs at least {MinimumPrimaries} primaries (a majority must survive a failover) and 0 or more replicas each.");
        }

        var cluster = new RedisClusterResource(name, password.Resource, options.RedisReplicasPerPrimary);
        var clusterBuilder = builder.AddResource(cluster)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RedisCluster",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithIconName("Stack");

        var nodeCount = options.RedisPrimaries * (options.RedisReplicasPerPrimary + 1);
        for (var i = 0; i < nodeCount; i++)
        {
            var node = builder.AddRedisNode($"{name}-{i}", password.Resource, state).WithParentRelationship(clusterBuilder).WithPromoteCommand(cluster);
            cluster.Add(node.Resource);
            clusterBuilder.WaitFor(node);
        }

        var healthCheck = $"{name}_cluster_state_ok";
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => new RedisClusterHealthCheck(cluster), failureStatus: null, tags: null));
        return clusterBuilder.WithHealthCheck(healthCheck).WithShardFailoverCommand().OnInitializeResource(FormClusterAsync);
    }

    private static IResourceBuilder<RedisNodeResource> AddRedisNode(
        this IDistributedApplicationBuilder builder, string name, ParameterResource password, LocalState state)
    {
        var directory = state.For(name);
        var program = RedisClusterServer.NodeCommand(Path.Combine(directory, "redis.conf")).FileName;
        var node = new RedisNodeResource(name, program, directory, password);

        var healthCheck = $"{name}_pings";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, ct => HealthProbe.RetryAsync(async token =>
            await RedisClusterServer.PingsAsync(
                await node.TargetPortAsync(token).ConfigureAwait(false),
                await password.GetValueAsync(token).ConfigureAwait(false) ?? string.Empty, token).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("No PONG."), ct));

        return builder.AddResource(node)
            .WithServerEndpoint()
            // The cluster bus gets a port allocated like the client port: Redis's default (port + 10000) may be taken.
            .WithEndpoint(scheme: "tcp", name: BusEndpoint, isProxied: false)
            .WithArgs(RedisClusterServer.NodeCommand(Path.Combine(directory, "redis.conf")).Arguments.ToArray())
            .WithIconName("Server")
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(static async (node, _, ct) =>
            {
                var password = await node.Password.GetValueAsync(ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The parameter '{node.Password.Name}' has no value.");
                var port = await node.TargetPortAsync(ct).ConfigureAwait(false);
                var busPort = await node.TargetPortAsync(BusEndpoint, ct).ConfigureAwait(false);
                await RedisClusterServer.WriteNodeConfigAsync(node.Directory, port, busPort, password, ct).ConfigureAwait(false);
                RedisClusterServer.ForgetCluster(node.Directory);
            });
    }

    // Runs once per AppHost start: waits for every node (WaitFor), joins them, then reports the cluster Running;
    // WaitFor(redis) elsewhere then waits for the health check, cluster_state:ok on every node.
    private static async Task FormClusterAsync(RedisClusterResource cluster, InitializeResourceEvent evt, CancellationToken ct)
    {
        try
        {
            await evt.Eventing.PublishAsync(new BeforeResourceStartedEvent(cluster, evt.Services), ct).ConfigureAwait(false);
            await evt.Notifications.PublishUpdateAsync(cluster, s => s with { State = KnownResourceStates.Starting }).ConfigureAwait(false);

            var ports = new List<int>();
            foreach (var node in cluster.Nodes)
            {
                ports.Add(await node.TargetPortAsync(ct).ConfigureAwait(false));
            }

            evt.Logger.LogInformation("Joining {Count} nodes into a cluster with {Replicas} replica(s) per primary", ports.Count, cluster.ReplicasPerPrimary);
            var password = await cluster.Password.GetValueAsync(ct).ConfigureAwait(false) ?? string.Empty;
            await RedisClusterServer.CreateClusterAsync(ports, cluster.ReplicasPerPrimary, password, ct).ConfigureAwait(false);

            await evt.Notifications.PublishUpdateAsync(cluster, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            }).ConfigureAwait(false);
            await evt.Eventing.PublishAsync(new ConnectionStringAvailableEvent(cluster, evt.Services), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            evt.Logger.LogError(ex, "The Redis cluster could not be formed");
            await evt.Notifications.PublishUpdateAsync(cluster, s => s with { State = KnownResourceStates.FailedToStart }).ConfigureAwait(false);
        }
    }
}
