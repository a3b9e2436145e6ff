using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// A native PostgreSQL 15 server started by the Aspire orchestrator: the writer, or a streaming replica of it when
/// <see cref="Primary"/> is set — which one is decided by the <see cref="Topology"/> and changes with a failover.
/// Its connection string reaches the <c>trivianft</c> database directly.
/// </summary>
internal sealed class PostgresServerResource(
    string name, string program, string dataDirectory, ParameterResource password, string passFile, PostgresTopology topology)
    : ExecutableResource(name, program, Path.GetDirectoryName(dataDirectory)!), IResourceWithConnectionString
{
    private EndpointReference? _endpoint;

    /// <summary>The server's data directory (kept across runs).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The superuser password, an Aspire parameter.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>The libpq password file that tools and the replica use instead of a password argument.</summary>
    public string PassFile { get; } = passFile;

    /// <summary>Who is the writer now.</summary>
    public PostgresTopology Topology { get; } = topology;

    /// <summary>The writer this server replicates now, or null when it is the writer.</summary>
    public PostgresServerResource? Primary => Topology.PrimaryOf(this);

    /// <summary>The physical replication slot this server streams through when it is the replica.</summary>
    public string SlotName => Name.Replace('-', '_');

    /// <summary>The TCP endpoint; its port is allocated by Aspire (no proxy in between).</summary>
    public EndpointReference Endpoint => _endpoint ??= this.ServerEndpointOf();

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={PostgresServer.Superuser};Password={Password};Database={ResourceNames.DatabaseName}");
}
