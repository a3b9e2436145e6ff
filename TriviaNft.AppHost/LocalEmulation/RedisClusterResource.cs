namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The local ElastiCache with cluster mode enabled: a set of <see cref="RedisNodeResource"/> joined into one
/// cluster once they all run. It has no process of its own; its state says whether the cluster is formed,
/// and its connection string lists every node (StackExchange.Redis discovers the slots from any of them).
/// </summary>
internal sealed class RedisClusterResource(string name, ParameterResource password, int replicasPerPrimary)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    private readonly List<RedisNodeResource> _nodes = [];

    /// <summary>The AUTH password of every node.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>Replicas per primary; the first nodes become the primaries.</summary>
    public int ReplicasPerPrimary { get; } = replicasPerPrimary;

    /// <summary>The nodes, primaries first.</summary>
    public IReadOnlyList<RedisNodeResource> Nodes => _nodes;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var builder = new ReferenceExpressionBuilder();
            foreach (var node in _nodes)
            {
                builder.Append($"{node.Endpoint.Property(EndpointProperty.IPV4Host)}:{node.Endpoint.Property(EndpointProperty.Port)},");
            }

            builder.Append($"password={Password}");
            return builder.Build();
        }
    }

    internal void Add(RedisNodeResource node) => _nodes.Add(node);
}
