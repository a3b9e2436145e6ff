using System.Globalization;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The one TCP endpoint of each native server. Not proxied: Aspire allocates the port and the server listens
/// on it itself, so redirects (Redis cluster MOVED, replication) name ports that clients can reach.
/// </summary>
internal static class ServerEndpoint
{
    public const string Name = "tcp";

    public static IResourceBuilder<T> WithServerEndpoint<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(scheme: "tcp", name: Name, isProxied: false);

    public static EndpointReference ServerEndpointOf(this IResourceWithEndpoints resource) => new(resource, Name);

    /// <summary>The port the server listens on; Aspire allocates it before any resource starts.</summary>
    public static Task<int> TargetPortAsync(this IResourceWithEndpoints resource, CancellationToken cancellationToken) =>
        resource.TargetPortAsync(Name, cancellationToken);

    /// <summary>The port of <paramref name="resource"/>'s endpoint <paramref name="endpointName"/>.</summary>
    public static async Task<int> TargetPortAsync(this IResourceWithEndpoints resource, string endpointName, CancellationToken cancellationToken)
    {
        var value = await new EndpointReference(resource, endpointName).Property(EndpointProperty.TargetPort)
            .GetValueAsync(cancellationToken).ConfigureAwait(false);
        return int.Parse(value ?? throw new InvalidOperationException($"{resource.Name} has no port yet."), CultureInfo.InvariantCulture);
    }
}
