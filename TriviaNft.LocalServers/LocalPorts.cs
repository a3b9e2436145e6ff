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
}
