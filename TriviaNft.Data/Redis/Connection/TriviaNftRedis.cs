using StackExchange.Redis;

namespace TriviaNft.Data.Redis.Connection;

/// <summary>
/// Connects to Redis outside Aspire (a Lambda, a script), from the guide's environment: <c>REDIS_URL</c> (a
/// <c>redis://</c> or <c>rediss://</c> URL, or a StackExchange.Redis configuration string), or
/// <c>REDIS_SECRET_ARN</c> with <c>REDIS_ENDPOINT</c> (the ElastiCache configuration endpoint, <c>host:port</c>;
/// TLS on). Whatever the source, one multiplexer per process, database 0.
/// </summary>
public static class TriviaNftRedis
{
    /// <summary>The guide: 10 seconds to connect.</summary>
    public const int ConnectTimeoutMs = 10_000;

    /// <summary>Parses a <c>redis://[user:password@]host[:port][/0]</c> URL (<c>rediss://</c>: TLS) or a configuration string.</summary>
    /// <exception cref="ArgumentException">The value is empty, malformed, or names a database other than 0.</exception>
    public static ConfigurationOptions ParseConfiguration(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        var options = trimmed.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(trimmed)
            : ConfigurationOptions.Parse(trimmed);
        return WithDefaults(options, setConnectTimeout: !trimmed.Contains("connectTimeout=", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>ElastiCache with cluster mode and in-transit encryption: the configuration endpoint, TLS, the auth token.</summary>
    public static ConfigurationOptions ForElastiCache(string endpoint, string authToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(authToken);
        var options = new ConfigurationOptions { Password = authToken, Ssl = true };
        options.EndPoints.Add(endpoint);
        return WithDefaults(options, setConnectTimeout: true);
    }

    /// <summary>Connects with <paramref name="options"/>.</summary>
    public static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options) =>
        await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);

    /// <summary>Connects from <c>REDIS_URL</c>, or from <c>REDIS_SECRET_ARN</c> + <c>REDIS_ENDPOINT</c> through <paramref name="resolver"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither is set, or the ARN is set without an endpoint or a resolver.</exception>
    public static async Task<IConnectionMultiplexer> FromEnvironmentAsync(IRedisSecretResolver? resolver = null, CancellationToken cancellationToken = default) =>
        await ConnectAsync(await ConfigurationFromEnvironmentAsync(resolver, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>The configuration <see cref="FromEnvironmentAsync"/> connects with.</summary>
    public static async Task<ConfigurationOptions> ConfigurationFromEnvironmentAsync(IRedisSecretResolver? resolver = null, CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("REDIS_URL") is { Length: > 0 } url)
        {
            return ParseConfiguration(url);
        }

        var arn = Environment.GetEnvironmentVariable("REDIS_SECRET_ARN");
        if (string.IsNullOrWhiteSpace(arn))
        {
            throw new InvalidOperationException("Set REDIS_URL (local) or REDIS_SECRET_ARN and REDIS_ENDPOINT (AWS) to configure Redis.");
        }

        var endpoint = Environment.GetEnvironmentVariable("REDIS_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException("REDIS_SECRET_ARN is set, but REDIS_ENDPOINT (the configuration endpoint, host:port) is not.");
        }

        if (resolver is null)
        {
            throw new InvalidOperationException("REDIS_SECRET_ARN is set, but no IRedisSecretResolver was given to read it.");
        }

        return ForElastiCache(endpoint, await resolver.ResolveAuthTokenAsync(arn, cancellationToken).ConfigureAwait(false));
    }

    private static ConfigurationOptions FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("The redis:// URL is malformed: it needs at least a host.", nameof(url));
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0 && database != "0")
        {
            throw new ArgumentException("Redis in cluster mode has database 0 only.", nameof(url));
        }

        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(separator < 0 ? string.Empty : uri.UserInfo[..separator]);
            options.User = user.Length > 0 && user != "default" ? user : null;
            options.Password = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[(separator + 1)..]);
        }

        return options;
    }

    // A restarting node or a failover must not stop the process: keep retrying in the background.
    private static ConfigurationOptions WithDefaults(ConfigurationOptions options, bool setConnectTimeout)
    {
        options.AbortOnConnectFail = false;
        options.DefaultDatabase = 0;
        if (setConnectTimeout)
        {
            options.ConnectTimeout = ConnectTimeoutMs;
        }

        return options;
    }
}
