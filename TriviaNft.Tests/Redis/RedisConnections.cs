using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>
/// One multiplexer per test run onto the fixture's Redis cluster (like a service: one per process), with a
/// profiler that records only the commands a test issues inside <see cref="ProfileAsync"/> (an AsyncLocal
/// session, so the client's own heartbeats never count).
/// </summary>
internal static class RedisConnections
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ConnectionMultiplexer>>> Multiplexers = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<ProfilingSession?> Profiling = new();

    /// <summary>The shared multiplexer (admin commands allowed: FLUSHALL, INFO) for <paramref name="servers"/>.</summary>
    public static Task<ConnectionMultiplexer> ForAsync(ServersFixture servers) =>
        Multiplexers.GetOrAdd(servers.RedisConfiguration + ",allowAdmin=true", configuration => new(async () =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(TimeSpan.FromSeconds(30));
            multiplexer.RegisterProfiler(() => Profiling.Value);
            return multiplexer;
        })).Value;

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent.</summary>
    public static async Task<IReadOnlyList<IProfiledCommand>> ProfileAsync(Func<Task> action)
    {
        var session = new ProfilingSession();
        Profiling.Value = session;
        try
        {
            await action();
        }
        finally
        {
            Profiling.Value = null;
        }

        return [.. session.FinishProfiling()];
    }

    /// <summary>
    /// FLUSHALL on every primary, after refreshing the topology (a failover on a loaded machine may have swapped
    /// roles). A node that turns out to be a replica anyway refuses with READONLY and is skipped. Returns how many
    /// nodes flushed.
    /// </summary>
    public static async Task<int> FlushAllPrimariesAsync(IConnectionMultiplexer multiplexer)
    {
        await multiplexer.ConfigureAsync();
        var flushed = 0;
        foreach (var server in multiplexer.GetServers().Where(s => !s.IsReplica))
        {
            try
            {
                await server.FlushAllDatabasesAsync();
                flushed++;
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("READONLY", StringComparison.Ordinal))
            {
                // Demoted since the refresh: its new primary is in the list too.
            }
        }

        return flushed;
    }

    /// <summary>EVAL + EVALSHA calls the cluster has served so far (INFO commandstats of every node).</summary>
    public static async Task<long> ScriptCallsAsync(IConnectionMultiplexer multiplexer)
    {
        long calls = 0;
        // Every node: replicas apply scripts as effects, so only the primary that ran a script counts it.
        foreach (var server in multiplexer.GetServers().Where(s => s.IsConnected))
        {
            foreach (var group in await server.InfoAsync("commandstats"))
            {
                foreach (var (key, value) in group)
                {
                    if (key is "cmdstat_eval" or "cmdstat_evalsha")
                    {
                        var calls0 = value.Split(',')[0];
                        calls += long.Parse(calls0["calls=".Length..], CultureInfo.InvariantCulture);
                    }
                }
            }
        }

        return calls;
    }
}
