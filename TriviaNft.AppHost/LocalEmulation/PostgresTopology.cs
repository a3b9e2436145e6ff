using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// Which of the two PostgreSQL resources is the writer right now. A failover swaps them, as in Aurora, where the
/// reader instance becomes the writer: the servers' arguments, health checks and the proxy's pools read it at each
/// use. The roles survive an AppHost restart through the data directories themselves (a standby has
/// <c>standby.signal</c>), so no other state file is needed.
/// </summary>
internal sealed class PostgresTopology
{
    private readonly object _gate = new();
    private PostgresServerResource? _writer;
    private PostgresServerResource? _reader;

    /// <summary>Serialises failovers: one at a time.</summary>
    public SemaphoreSlim FailoverLock { get; } = new(1, 1);

    /// <summary>The server that accepts writes now.</summary>
    public PostgresServerResource Writer => _writer ?? throw new InvalidOperationException("The PostgreSQL servers are not added yet.");

    /// <summary>The streaming replica now.</summary>
    public PostgresServerResource Reader => _reader ?? throw new InvalidOperationException("The PostgreSQL servers are not added yet.");

    /// <summary>The proxy whose pools follow the roles; set when it is added.</summary>
    public PgBouncerResource? Proxy { get; set; }

    /// <summary>How many failovers this AppHost has run.</summary>
    public int Failovers { get; private set; }

    /// <summary>
    /// Sets the roles of the two servers: <paramref name="first"/> (the <c>postgres</c> resource) is the writer unless an
    /// earlier failover left it a standby and <paramref name="second"/> a promoted server.
    /// </summary>
    public void Bind(PostgresServerResource first, PostgresServerResource second)
    {
        var swapped = PostgresFailover.IsStandby(first.DataDirectory)
            && PostgresServer.IsInitialized(second.DataDirectory) && !PostgresFailover.IsStandby(second.DataDirectory);
        lock (_gate)
        {
            (_writer, _reader) = swapped ? (second, first) : (first, second);
        }
    }

    /// <summary>The server <paramref name="server"/> streams from, or null when it is the writer.</summary>
    public PostgresServerResource? PrimaryOf(PostgresServerResource server)
    {
        lock (_gate)
        {
            return ReferenceEquals(server, _writer) ? null : _writer;
        }
    }

    /// <summary>The reader became the writer: swap the roles.</summary>
    public void Swap()
    {
        lock (_gate)
        {
            (_writer, _reader) = (_reader, _writer);
            Failovers++;
        }
    }
}
