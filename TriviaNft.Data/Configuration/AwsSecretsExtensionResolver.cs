using System.Collections.Concurrent;
using System.Net.Http.Json;
using Npgsql;

namespace TriviaNft.Data.Configuration;

/// <summary>
/// Reads Secrets Manager through the AWS Parameters and Secrets Lambda Extension — plain HTTP on localhost, so
/// no AWS SDK is needed — at invoke time (never at init: the extension is not ready before the first invoke)
/// and caches each secret for <see cref="CacheDuration"/>.
/// </summary>
public sealed class AwsSecretsExtensionResolver(HttpClient http, TimeProvider? clock = null) : IDatabaseSecretResolver
{
    /// <summary>The extension's default port (<c>PARAMETERS_SECRETS_EXTENSION_HTTP_PORT</c> changes it).</summary>
    public const int DefaultPort = 2773;

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How long a secret is reused before it is fetched again (the extension caches too).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>TLS mode of the connection built from the secret (<c>DATABASE_SSL_MODE</c>; default Require).</summary>
    public SslMode SslMode { get; init; } = Enum.TryParse<SslMode>(Environment.GetEnvironmentVariable("DATABASE_SSL_MODE"), true, out var mode)
        ? mode
        : SslMode.Require;

    /// <summary>CA bundle for <c>SSL Mode=VerifyFull</c> (<c>DATABASE_SSL_ROOT_CERT</c>), e.g. the RDS global bundle.</summary>
    public string? RootCertificate { get; init; } = Environment.GetEnvironmentVariable("DATABASE_SSL_ROOT_CERT");

    /// <summary>The secret's raw string.</summary>
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        if (_cache.TryGetValue(secretId, out var cached) && cached.Until > _clock.GetUtcNow())
        {
            return cached.Value;
        }

        var port = Environment.GetEnvironmentVariable("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT") is { Length: > 0 } p ? p : DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://localhost:{port}/secretsmanager/get?secretId={Uri.EscapeDataString(secretId)}");
        // The extension only answers callers that present the function's session token.
        request.Headers.Add("X-Aws-Parameters-Secrets-Token", Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") ?? string.Empty);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The secrets extension answered {(int)response.StatusCode} for secret '{secretId}': check the function's permission to read it.");
        }

        var body = await response.Content.ReadFromJsonAsync(DataJsonContext.Default.SecretsExtensionResponse, cancellationToken).ConfigureAwait(false);
        var value = body?.SecretString ?? throw new InvalidOperationException($"Secret '{secretId}' has no SecretString.");
        _cache[secretId] = (value, _clock.GetUtcNow() + CacheDuration);
        return value;
    }

    /// <inheritdoc />
    public async Task<string> ResolveConnectionStringAsync(string secretId, CancellationToken cancellationToken = default) =>
        DatabaseSecret.Parse(await GetSecretStringAsync(secretId, cancellationToken).ConfigureAwait(false))
            .ToConnectionString(SslMode, RootCertificate);
}
