using TriviaNft.LocalServers;

namespace TriviaNft.Tests.Faults;

public sealed partial class FaultStack
{
    private const int RedisPrimaries = 3;

    private LocalRedisCluster Redis => _redis ?? throw new InvalidOperationException("The Redis cluster has not started.");

    /// <summary>kill -9 of the Redis node on <paramref name="port"/>.</summary>
    public Task KillRedisNodeAsync(int port) => Redis.KillNodeAsync(port);

    /// <summary>The ports of the nodes that are primaries now, as a live node sees the cluster.</summary>
    public async Task<IReadOnlyList<RedisClusterNode>> RedisNodesAsync() =>
        await RedisFailover.NodesAsync(RedisPorts.First(Redis.IsRunning), _password);

    /// <summary>True while the node on <paramref name="port"/> runs.</summary>
    public bool IsRedisNodeRunning(int port) => Redis.IsRunning(port);

    /// <summary>Starts a node that was killed again, on its port and folder: it rejoins the cluster (as a replica if it was replaced).</summary>
    public Task StartRedisNodeAsync(int port) => Redis.StartNodeAsync(port);
}
