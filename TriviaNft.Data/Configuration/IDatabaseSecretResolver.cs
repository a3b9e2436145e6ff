namespace TriviaNft.Data.Configuration;

/// <summary>
/// Turns a secret reference (in AWS, the ARN in <c>DATABASE_SECRET_ARN</c>) into a connection string at run
/// time, so no credential lives in configuration. The AWS implementation reads Secrets Manager through the
/// Parameters and Secrets Lambda extension.
/// </summary>
public interface IDatabaseSecretResolver
{
    /// <summary>Resolves <paramref name="secretId"/> into an Npgsql connection string.</summary>
    Task<string> ResolveConnectionStringAsync(string secretId, CancellationToken cancellationToken = default);
}
