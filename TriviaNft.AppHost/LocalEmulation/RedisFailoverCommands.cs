using Microsoft.Extensions.Logging;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The dashboard's Redis failovers, as ElastiCache's "failover primary": on the cluster, "Fail over a shard" (the
/// shards take turns); on each node, "Promote to primary". A planned <c>CLUSTER FAILOVER</c> lets the replica catch
/// up before it takes over, so nothing is lost; when the primary is dead it is forced.
/// </summary>
internal static class RedisFailoverCommands
{
    /// <summary>The cluster's command.</summary>
    public const string ShardCommand = "failover-shard";

    /// <summary>Each node's command.</summary>
    public const string NodeCommand = "promote-node";

    public static IResourceBuilder<RedisClusterResource> WithShardFailoverCommand(this IResourceBuilder<RedisClusterResource> builder)
    {
        var cluster = builder.Resource;
        var turn = 0;
        return builder.WithCommand(ShardCommand, "Fail over a shard", async context =>
        {
            var nodes = await NodesAsync(cluster, context.CancellationToken).ConfigureAwait(false);
            var shards = nodes.Where(n => n.Node.IsPrimary && !n.Node.IsFailing && nodes.Any(r => r.Node.PrimaryId == n.Node.Id && !r.Node.IsFailing)).ToList();
            if (shards.Count == 0)
            {
                return CommandResults.Failure("No shard has a live replica to take over.");
            }

            var primary = shards[Interlocked.Increment(ref turn) % shards.Count];
            var replica = nodes.First(r => r.Node.PrimaryId == primary.Node.Id && !r.Node.IsFailing);
            return await PromoteAsync(cluster, replica, primary, context).ConfigureAwait(false);
        }, new CommandOptions
        {
            Description = "A replica takes over its primary's slots (CLUSTER FAILOVER, after catching up: nothing is lost); "
                + "the shards take turns. Enabled while the cluster runs.",
            IconName = "ArrowSwap",
            UpdateState = CommandStates.WhenRunning,
        });
    }

    public static IResourceBuilder<RedisNodeResource> WithPromoteCommand(this IResourceBuilder<RedisNodeResource> builder, RedisClusterResource cluster)
    {
        var node = builder.Resource;
        return builder.WithCommand(NodeCommand, "Promote to primary", async context =>
        {
            var nodes = await NodesAsync(cluster, context.CancellationToken).ConfigureAwait(false);
            var self = nodes.First(n => ReferenceEquals(n.Resource, node));
            if (self.Node.IsPrimary)
            {
                return CommandResults.Failure($"{node.Name} is a primary already: promote one of its replicas instead.");
            }

            return await PromoteAsync(cluster, self, nodes.First(n => n.Node.Id == self.Node.PrimaryId), context).ConfigureAwait(false);
        }, new CommandOptions
        {
            Description = "This replica takes over its primary's slots (CLUSTER FAILOVER; FORCE when the primary is down).",
            IconName = "ArrowUp",
            UpdateState = CommandStates.WhenRunning,
        });
    }

    private static async Task<ExecuteCommandResult> PromoteAsync(
        RedisClusterResource cluster, (RedisNodeResource Resource, RedisClusterNode Node) replica,
        (RedisNodeResource Resource, RedisClusterNode Node) primary, ExecuteCommandContext context)
    {
        var ct = context.CancellationToken;
        try
        {
            var password = await cluster.Password.GetValueAsync(ct).ConfigureAwait(false) ?? string.Empty;
            var ports = cluster.Nodes.Select(n => n.Endpoint.TargetPort ?? 0).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await RedisFailover.FailoverAsync(replica.Node.Port, ports, password, force: primary.Node.IsFailing, ct).ConfigureAwait(false);
            var message = $"{replica.Resource.Name} (port {replica.Node.Port}) took over from {primary.Resource.Name} in {clock.Elapsed.TotalSeconds:0.0} s; the cluster is ok.";
            context.Logger.LogInformation("{Message}", message);
            return CommandResults.Success(message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            context.Logger.LogError(ex, "The Redis failover failed");
            return CommandResults.Failure(ex);
        }
    }

    private static async Task<List<(RedisNodeResource Resource, RedisClusterNode Node)>> NodesAsync(RedisClusterResource cluster, CancellationToken ct)
    {
        var password = await cluster.Password.GetValueAsync(ct).ConfigureAwait(false) ?? string.Empty;
        var byPort = new Dictionary<int, RedisNodeResource>();
        foreach (var node in cluster.Nodes)
        {
            byPort[await node.TargetPortAsync(ct).ConfigureAwait(false)] = node;
        }

        foreach (var port in byPort.Keys)
        {
            if (await RedisClusterServer.PingsAsync(port, password, ct).ConfigureAwait(false))
            {
                var view = await RedisFailover.NodesAsync(port, password, ct).ConfigureAwait(false);
                return [.. view.Where(n => byPort.ContainsKey(n.Port)).Select(n => (byPort[n.Port], n))];
            }
        }

        throw new InvalidOperationException("No Redis node answers.");
    }
}
