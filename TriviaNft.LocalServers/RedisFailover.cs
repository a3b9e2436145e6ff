using System.Globalization;

namespace TriviaNft.LocalServers;

/// <summary>One line of <c>CLUSTER NODES</c>: a node, its role and, for a replica, the primary it follows.</summary>
/// <param name="Id">The node id.</param>
/// <param name="Port">Its port on 127.0.0.1.</param>
/// <param name="IsPrimary">True for a primary (<c>master</c> flag).</param>
/// <param name="PrimaryId">The primary a replica follows; null for a primary.</param>
/// <param name="IsFailing">True when the cluster flags it <c>fail</c> (or <c>fail?</c>).</param>
public sealed record RedisClusterNode(string Id, int Port, bool IsPrimary, string? PrimaryId, bool IsFailing);

/// <summary>
/// Redis shard failover as ElastiCache does it: a replica takes over its primary's slots. A planned failover
/// (<c>CLUSTER FAILOVER</c>) waits for the replica to catch up first and loses nothing; a forced one is for a dead primary.
/// </summary>
public static class RedisFailover
{
    /// <summary>How long a failover may take before it is reported as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The cluster's nodes as the node on <paramref name="port"/> sees them.</summary>
    public static async Task<IReadOnlyList<RedisClusterNode>> NodesAsync(int port, string password, CancellationToken cancellationToken = default)
    {
        var output = await RedisClusterServer.CliAsync(port, password, ["cluster", "nodes"], cancellationToken).ConfigureAwait(false);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
    }

    /// <summary>
    /// Makes the replica on <paramref name="replicaPort"/> take over its primary, then waits until every node in
    /// <paramref name="clusterPorts"/> that answers sees it as a primary (and the former one no longer as a live
    /// primary) and reports <c>cluster_state:ok</c>. <paramref name="force"/> is for a primary that is down
    /// (<c>CLUSTER FAILOVER FORCE</c>: no handshake with it).
    /// </summary>
    public static async Task FailoverAsync(
        int replicaPort, IReadOnlyList<int> clusterPorts, string password, bool force = false, CancellationToken cancellationToken = default)
    {
        var formerPrimary = (await NodesAsync(replicaPort, password, cancellationToken).ConfigureAwait(false)) is var nodes
            && nodes.FirstOrDefault(n => n.Port == replicaPort)?.PrimaryId is { } primaryId
                ? nodes.FirstOrDefault(n => n.Id == primaryId)?.Port
                : null;
        List<string> command = ["cluster", "failover"];
        if (force)
        {
            command.Add("force");
        }
        else
        {
            // A planned failover waits for the replica to catch up; one that never synced would never take over.
            await WaitUntilInSyncAsync([replicaPort], password, cancellationToken).ConfigureAwait(false);
        }

        await RedisClusterServer.CliAsync(replicaPort, password, command, cancellationToken).ConfigureAwait(false);
        await WaitForPrimaryAsync(replicaPort, clusterPorts, password, formerPrimary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every reachable node sees the node on <paramref name="port"/> as a primary, and
    /// <paramref name="formerPrimaryPort"/> (when given) not as a live primary, and reports <c>cluster_state:ok</c>.
    /// </summary>
    public static async Task WaitForPrimaryAsync(
        int port, IReadOnlyList<int> clusterPorts, string password, int? formerPrimaryPort = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            while (!await IsPrimaryAsync(port, password, deadline.Token).ConfigureAwait(false)
                || !await ReachableNodesAgreeAsync(clusterPorts, password, port, formerPrimaryPort, deadline.Token).ConfigureAwait(false))
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var view = await DescribeAsync(port, password).ConfigureAwait(false);
            throw new TimeoutException(
                $"The Redis node on port {port} did not become a primary of a healthy cluster within {Timeout.TotalSeconds:0} s. It sees:{Environment.NewLine}{view}");
        }
    }

    /// <summary>
    /// True when the node on <paramref name="port"/> is a primary, or a replica whose link to its primary is up and
    /// synced (<c>ROLE</c> state <c>connected</c>). A replica that has not finished its first sync cannot take over.
    /// </summary>
    public static async Task<bool> IsInSyncAsync(int port, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            var role = (await RedisClusterServer.CliAsync(port, password, ["role"], cancellationToken).ConfigureAwait(false))
                .Split('\n', StringSplitOptions.TrimEntries);
            return role[0] == "master" || (role[0] == "slave" && role.Length > 3 && role[3] == "connected");
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Waits until <see cref="IsInSyncAsync"/> holds for every node in <paramref name="ports"/>.</summary>
    public static async Task WaitUntilInSyncAsync(IReadOnlyList<int> ports, string password, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        foreach (var port in ports)
        {
            while (!await IsInSyncAsync(port, password, deadline.Token).ConfigureAwait(false))
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the node on <paramref name="port"/> answers <c>ROLE</c> with <c>master</c>.</summary>
    public static async Task<bool> IsPrimaryAsync(int port, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            var role = await RedisClusterServer.CliAsync(port, password, ["role"], cancellationToken).ConfigureAwait(false);
            return role.StartsWith("master", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<string> DescribeAsync(int port, string password)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var nodes = await RedisClusterServer.CliAsync(port, password, ["cluster", "nodes"], timeout.Token).ConfigureAwait(false);
            var info = await RedisClusterServer.CliAsync(port, password, ["cluster", "info"], timeout.Token).ConfigureAwait(false);
            return nodes + info.Split('\n').FirstOrDefault(l => l.StartsWith("cluster_state", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            return $"(no answer: {ex.Message})";
        }
    }

    // Gossip takes a moment to spread a new epoch: until it has, a node may still list the former primary as one.
    private static async Task<bool> ReachableNodesAgreeAsync(
        IReadOnlyList<int> ports, string password, int promoted, int? former, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            if (!await RedisClusterServer.PingsAsync(port, password, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!await RedisClusterServer.IsClusterOkAsync(port, password, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var view = await NodesAsync(port, password, cancellationToken).ConfigureAwait(false);
            if (view.FirstOrDefault(n => n.Port == promoted) is not { IsPrimary: true }
                || view.Any(n => n.Port == former && n.IsPrimary && !n.IsFailing))
            {
                return false;
            }
        }

        return true;
    }

    // <id> <ip:port@cport> <flags> <master-id or -> <ping> <pong> <epoch> <link> <slots...>
    private static RedisClusterNode Parse(string line)
    {
        var fields = line.Split(' ');
        var address = fields[1].Split('@')[0];
        var port = int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var flags = fields[2].Split(',');
        return new RedisClusterNode(
            fields[0], port, flags.Contains("master"), fields[3] == "-" ? null : fields[3], flags.Contains("fail") || flags.Contains("fail?"));
    }
}
