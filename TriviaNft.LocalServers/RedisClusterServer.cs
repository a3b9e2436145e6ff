using System.Globalization;

namespace TriviaNft.LocalServers;

/// <summary>
/// Redis 7 in cluster mode, as ElastiCache with cluster mode enabled: several primaries, each with
/// replicas, and an AUTH password like the ElastiCache auth token. Multi-key commands across slots fail
/// here exactly as they do in AWS.
/// </summary>
public static class RedisClusterServer
{
    /// <summary>
    /// Writes a node's config (mode 600: it holds the password) into <paramref name="directory"/> and returns its path.
    /// A replica's first sync starts at once (no 5 s diskless-sync delay): until it has synced it cannot take over
    /// a failed primary. The cluster bus, where nodes gossip, listens on <paramref name="busPort"/>: Redis's default,
    /// port + 10000, may be taken or above 65535, and the node then exits at start.
    /// </summary>
    public static async Task<string> WriteNodeConfigAsync(
        string directory, int port, int busPort, string password, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "redis.conf");
        var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, string.Create(CultureInfo.InvariantCulture, $"""
            port {port}
            cluster-port {busPort}
            bind 127.0.0.1
            dir "{directory}"
            cluster-enabled yes
            cluster-config-file nodes.conf
            cluster-node-timeout 5000
            requirepass "{quoted}"
            masterauth "{quoted}"
            appendonly no
            save ""
            repl-diskless-sync-delay 0
            daemonize no
            loglevel warning

            """), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>
    /// Removes the cluster identity a node saved in <paramref name="directory"/> (<c>nodes.conf</c>). A cluster's
    /// topology pins the ports of its nodes, and those change from run to run, so the cluster is built afresh at
    /// each start: Redis is a cache here as in AWS (RPO 24 h; leaderboards are rebuilt from PostgreSQL).
    /// </summary>
    public static void ForgetCluster(string directory)
    {
        foreach (var file in new[] { "nodes.conf", "dump.rdb" })
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The command line of one node.</summary>
    public static ServerCommand NodeCommand(string configPath) =>
        new(ServerBinaries.OnPath("redis-server", "redis-server", "redis"), [configPath]);

    /// <summary>
    /// Joins the running nodes into a cluster: the first <c>ports.Count / (replicas + 1)</c> become primaries.
    /// The password travels in <c>REDISCLI_AUTH</c>, never on a command line.
    /// </summary>
    public static Task CreateClusterAsync(
        IReadOnlyList<int> ports, int replicasPerPrimary, string password, CancellationToken cancellationToken = default)
    {
        if (ports.Count / (replicasPerPrimary + 1) < 3)
        {
            throw new ArgumentException("A Redis cluster needs at least 3 primaries (a majority must survive a failover).", nameof(ports));
        }

        List<string> arguments = ["--cluster", "create"];
        arguments.AddRange(ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{p}")));
        arguments.AddRange(["--cluster-replicas", replicasPerPrimary.ToString(CultureInfo.InvariantCulture), "--cluster-yes"]);
        return ProcessRunner.RunAsync(new ServerCommand(Cli(), arguments), cancellationToken, Auth(password));
    }

    /// <summary>True when the node on <paramref name="port"/> reports <c>cluster_state:ok</c>.</summary>
    public static async Task<bool> IsClusterOkAsync(int port, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            var info = await ProcessRunner.RunAsync(
                new ServerCommand(Cli(), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "cluster", "info"]),
                cancellationToken, Auth(password)).ConfigureAwait(false);
            return info.Contains("cluster_state:ok", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when the node on <paramref name="port"/> answers PING.</summary>
    public static async Task<bool> PingsAsync(int port, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await ProcessRunner.RunAsync(
                new ServerCommand(Cli(), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "ping"]),
                cancellationToken, Auth(password)).ConfigureAwait(false);
            return reply.Trim() == "PONG";
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Runs one redis-cli command against the node on <paramref name="port"/> and returns its reply.</summary>
    public static Task<string> CliAsync(int port, string password, IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(
            new ServerCommand(Cli(), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. command]),
            cancellationToken, Auth(password));

    private static string Cli() => ServerBinaries.OnPath("redis-cli", "redis-tools", "redis");

    private static Dictionary<string, string> Auth(string password) => new() { ["REDISCLI_AUTH"] = password };
}
