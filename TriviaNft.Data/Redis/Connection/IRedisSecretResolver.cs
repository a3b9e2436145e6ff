namespace TriviaNft.Data.Redis.Connection;

/// <summary>
/// Turns a secret reference (in AWS, the ARN in <c>REDIS_SECRET_ARN</c>) into the ElastiCache auth token at run
/// time, so no credential lives in configuration.
/// </summary>
public interface IRedisSecretResolver
{
    /// <summary>The auth token stored in <paramref name="secretId"/> (JSON <c>{"authToken": "…"}</c>).</summary>
    Task<string> ResolveAuthTokenAsync(string secretId, CancellationToken cancellationToken = default);
}
