using TriviaNft.Data.Configuration;

namespace TriviaNft.Data.Redis.Connection;

/// <summary>
/// Reads the Redis secret through the AWS Parameters and Secrets Lambda Extension, with the same resolver (and
/// cache) the database secret uses.
/// </summary>
public sealed class SecretsExtensionRedisSecretResolver(AwsSecretsExtensionResolver secrets) : IRedisSecretResolver
{
    /// <inheritdoc />
    public async Task<string> ResolveAuthTokenAsync(string secretId, CancellationToken cancellationToken = default) =>
        RedisAuthSecret.Parse(await secrets.GetSecretStringAsync(secretId, cancellationToken).ConfigureAwait(false)).AuthToken;
}
