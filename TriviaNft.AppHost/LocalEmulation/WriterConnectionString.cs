namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// <c>trivia-db-admin</c>: the direct connection string of whichever server is the writer when it is read (a failover
/// swaps them), like Aurora's cluster endpoint, which always names the current writer.
/// </summary>
internal sealed class WriterConnectionString(PostgresTopology topology) : IValueProvider, IManifestExpressionProvider
{
    /// <inheritdoc />
    public string ValueExpression => topology.Writer.ConnectionStringExpression.ValueExpression;

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        topology.Writer.ConnectionStringExpression.GetValueAsync(cancellationToken);
}
