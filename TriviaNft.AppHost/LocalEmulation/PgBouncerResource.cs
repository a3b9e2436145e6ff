using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// PgBouncer as the local RDS Proxy, in transaction pooling mode with a 30 s statement timeout on every
/// server connection (the proxy's init query). Like the proxy's default and READ_ONLY endpoints, it serves two
/// names: <c>trivianft</c> pools onto the writer, <c>trivianft_readonly</c> onto the replica — whichever servers
/// hold those roles now (<see cref="PostgresTopology"/>): a failover re-points the pools.
/// </summary>
internal sealed class PgBouncerResource(string name, string program, string configDirectory, PostgresTopology topology)
    : ExecutableResource(name, program, configDirectory)
{
    private EndpointReference? _endpoint;

    /// <summary>Where <c>pgbouncer.ini</c> and its user list are written at each start.</summary>
    public string ConfigDirectory { get; } = configDirectory;

    /// <summary>Who is the writer now.</summary>
    public PostgresTopology Topology { get; } = topology;

    /// <summary>The writer the read/write pool connects to now.</summary>
    public PostgresServerResource Writer => Topology.Writer;

    /// <summary>The replica the read-only pool connects to now.</summary>
    public PostgresServerResource Reader => Topology.Reader;

    /// <summary>The ini file PgBouncer is started with.</summary>
    public string ConfigFile => Path.Combine(ConfigDirectory, "pgbouncer.ini");

    /// <summary>The TCP endpoint clients connect to.</summary>
    public EndpointReference Endpoint => _endpoint ??= this.ServerEndpointOf();

    /// <summary>
    /// The connection string of one pool. Behind a transaction pooler a client must not reset or prepare on
    /// its server connection (design.md §4), so the string says so.
    /// </summary>
    public ReferenceExpression PoolConnectionString(string database) => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={PostgresServer.Superuser};Password={Writer.Password};Database={database};No Reset On Close=true;Max Auto Prepare=0");
}
