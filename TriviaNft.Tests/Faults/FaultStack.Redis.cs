using System.Net;
using System.Net.Sockets;
using TriviaNft.LocalServers;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Faults;

public sealed partial class FaultStack
{
    private const int RedisPrimaries = 3;

    /// <summary>kill -9 of the Redis node on <paramref name="port"/>.</summary>
    public async Task KillRedisNodeAsync(int port)
    {
        await _redisNodes[port].DisposeAsync();
        _redisNodes.Remove(port);
    }

    /// <summary>The ports of the nodes that are primaries now, as a live node sees the cluster.</summary>
    public async Task<IReadOnlyList<RedisClusterNode>> RedisNodesAsync()
    {
        var live = _redisNodes.Keys.First();
        return await RedisFailover.NodesAsync(live, _password);
    }

    /// <summary>True while the node on <paramref name="port"/> runs.</summary>
    public bool IsRedisNodeRunning(int port) => _redisNodes.ContainsKey(port);

    /// <summary>Starts a node that was killed again, on its port and folder: it rejoins the cluster (as a replica if it was replaced).</summary>
    public async Task StartRedisNodeAsync(int port)
    {
        var config = Path.Combine(_root, $"redis-{port}", "redis.conf");
        var node = ServerProcess.Start($"redis-{port}", RedisClusterServer.NodeCommand(config));
        _redisNodes[port] = node;
        await node.WaitUntilReadyAsync(ct => RedisClusterServer.IsClusterOkAsync(port, _password, ct), StartTimeout);
        await RedisFailover.WaitUntilInSyncAsync([port], _password);
    }

    // A cluster node also listens on its port + 10000 (the cluster bus): both must be free.
    private static int FreeRedisPort()
    {
        while (true)
        {
            var port = ServersFixture.FreePort();
            if (port + 10_000 <= IPEndPoint.MaxPort && IsFree(port + 10_000))
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task StartRedisClusterAsync()
    {
        var ports = Enumerable.Range(0, RedisPrimaries * 2).Select(_ => FreeRedisPort()).Distinct().ToList();
        foreach (var port in ports)
        {
            var config = await RedisClusterServer.WriteNodeConfigAsync(Path.Combine(_root, $"redis-{port}"), port, _password);
            _redisNodes[port] = ServerProcess.Start($"redis-{port}", RedisClusterServer.NodeCommand(config));
        }

        foreach (var port in ports)
        {
            await _redisNodes[port].WaitUntilReadyAsync(ct => RedisClusterServer.PingsAsync(port, _password, ct), StartTimeout);
        }

        await RedisClusterServer.CreateClusterAsync(ports, replicasPerPrimary: 1, _password);
        foreach (var port in ports)
        {
            await _redisNodes[port].WaitUntilReadyAsync(ct => RedisClusterServer.IsClusterOkAsync(port, _password, ct), StartTimeout);
        }

        // Replicas must have synced before a fault: a replica that never did cannot take over its primary.
        await RedisFailover.WaitUntilInSyncAsync(ports, _password);
        RedisPorts = ports;
    }
}
