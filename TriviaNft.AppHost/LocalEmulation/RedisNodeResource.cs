namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>One <c>redis-server</c> of the local cluster, started by the Aspire orchestrator.</summary>
internal sealed class RedisNodeResource(string name, string program, string directory, ParameterResource password)
    : ExecutableResource(name, program, directory)
{
    private EndpointReference? _endpoint;

    /// <summary>The node's folder: its config file (mode 600, it holds the password) and cluster state.</summary>
    public string Directory { get; } = directory;

    /// <summary>The AUTH password, an Aspire parameter.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>The node's TCP endpoint; its port is allocated by Aspire (no proxy: cluster redirects name real ports).</summary>
    public EndpointReference Endpoint => _endpoint ??= this.ServerEndpointOf();
}
