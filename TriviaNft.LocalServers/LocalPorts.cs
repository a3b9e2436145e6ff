using System.Net;
using System.Net.Sockets;

namespace TriviaNft.LocalServers;

/// <summary>Free loopback ports for servers started outside the Aspire orchestrator (tests, fault suite, benchmarks).</summary>
public static class LocalPorts
{
    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A free port whose port + 10000 is free too: a Redis cluster node also listens there (the cluster bus).</summary>
    public static int FreeWithClusterBus()
    {
        while (true)
        {
            var port = Free();
            if (port + RedisClusterServer.BusPortOffset <= IPEndPoint.MaxPort && IsFree(port + RedisClusterServer.BusPortOffset))
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
}
