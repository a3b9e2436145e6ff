namespace TriviaNft.LocalServers;

/// <summary>
/// A Redis cluster of native nodes started as child processes, for hosts without the Aspire orchestrator (the test
/// fixture, the fault suite, the benchmarks): every node on a free port with its own folder, AUTH on, joined by
/// <c>redis-cli --cluster create</c>, replicas in sync before it is handed out. Nodes can be killed and started again.
/// </summary>
public sealed class LocalRedisCluster : IAsyncDisposable
{
    private const int PortAttempts = 5;
    private readonly string _root;
    private readonly string _password;
    private readonly TimeSpan _startTimeout;
    private readonly Dictionary<int, ServerProcess> _nodes = [];

    private LocalRedisCluster(string root, string password, TimeSpan startTimeout)
    {
        _root = root;
        _password = password;
        _startTimeout = startTimeout;
    }

    /// <summary>The nodes' ports, as created: the first <c>primaries</c> started as primaries.</summary>
    public IReadOnlyList<int> Ports { get; private set; } = [];

    /// <summary>StackExchange.Redis configuration: every node a seed, with AUTH.</summary>
    public string Configuration => string.Join(',', Ports.Select(p => $"127.0.0.1:{p}")) + $",password={_password},abortConnect=false";

    /// <summary>Starts <paramref name="primaries"/> × (1 + <paramref name="replicasPerPrimary"/>) nodes under <paramref name="root"/> and forms the cluster.</summary>
    public static async Task<LocalRedisCluster> StartAsync(
        string root, string password, int primaries, int replicasPerPrimary, TimeSpan startTimeout, CancellationToken cancellationToken = default)
    {
        var cluster = new LocalRedisCluster(root, password, startTimeout);
        try
        {
            await cluster.FormAsync(primaries * (replicasPerPrimary + 1), replicasPerPrimary, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True while the node on <paramref name="port"/> runs.</summary>
    public bool IsRunning(int port) => _nodes.ContainsKey(port);

    /// <summary>kill -9 of the node on <paramref name="port"/>.</summary>
    public async Task KillNodeAsync(int port)
    {
        await _nodes[port].DisposeAsync().ConfigureAwait(false);
        _nodes.Remove(port);
    }

    /// <summary>Starts a killed node again on its port and folder: it rejoins the cluster (as a replica if it was replaced).</summary>
    public async Task StartNodeAsync(int port, CancellationToken cancellationToken = default)
    {
        var node = ServerProcess.Start($"redis-{port}", RedisClusterServer.NodeCommand(Path.Combine(_root, $"redis-{port}", "redis.conf")));
        _nodes[port] = node;
        await node.WaitUntilReadyAsync(ct => RedisClusterServer.IsClusterOkAsync(port, _password, ct), _startTimeout, cancellationToken).ConfigureAwait(false);
        await RedisFailover.WaitUntilInSyncAsync([port], _password, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts one node on two free ports (client and cluster bus) and waits until it answers PING. A port found free can be
    /// taken before the node binds it (the ephemeral range also feeds every outgoing connection on the machine): the node
    /// then exits at start ("Address already in use"), and it is tried again on other ports.
    /// </summary>
    private async Task<int> StartNewNodeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = LocalPorts.Free();
            if (_nodes.ContainsKey(port))
            {
                continue;
            }

            var directory = Path.Combine(_root, $"redis-{port}");
            var config = await RedisClusterServer.WriteNodeConfigAsync(directory, port, LocalPorts.Free(), _password, cancellationToken).ConfigureAwait(false);
            var node = ServerProcess.Start($"redis-{port}", RedisClusterServer.NodeCommand(config));
            try
            {
                await node.WaitUntilReadyAsync(ct => RedisClusterServer.PingsAsync(port, _password, ct), _startTimeout, cancellationToken)
                    .ConfigureAwait(false);
                _nodes[port] = node;
                return port;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && !node.IsRunning)
            {
                await node.DisposeAsync().ConfigureAwait(false);
                Directory.Delete(directory, recursive: true);
            }
            catch
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        _nodes.Clear();
    }

    private async Task FormAsync(int nodeCount, int replicasPerPrimary, CancellationToken cancellationToken)
    {
        var ports = new List<int>();
        while (ports.Count < nodeCount)
        {
            ports.Add(await StartNewNodeAsync(cancellationToken).ConfigureAwait(false));
        }

        await RedisClusterServer.CreateClusterAsync(ports, replicasPerPrimary, _password, cancellationToken).ConfigureAwait(false);
        foreach (var port in ports)
        {
            await _nodes[port].WaitUntilReadyAsync(ct => RedisClusterServer.IsClusterOkAsync(port, _password, ct), _startTimeout, cancellationToken)
                .ConfigureAwait(false);
        }

        // redis-cli returns once every slot is covered; the replicas' roles reach the other nodes' views by gossip a moment
        // later, and a failover (or a test choosing a primary with a replica) needs every node to know them.
        var replicas = nodeCount - nodeCount / (replicasPerPrimary + 1);
        foreach (var port in ports)
        {
            await _nodes[port].WaitUntilReadyAsync(
                async ct => (await RedisFailover.NodesAsync(port, _password, ct).ConfigureAwait(false)).Count(n => !n.IsPrimary && !n.IsFailing) == replicas,
                _startTimeout, cancellationToken).ConfigureAwait(false);
        }

        // Replicas must have synced before anyone relies on them: a replica that never did cannot take over its primary.
        await RedisFailover.WaitUntilInSyncAsync(ports, _password, cancellationToken).ConfigureAwait(false);
        Ports = ports;
    }
}
