using Microsoft.Extensions.Diagnostics.HealthChecks;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Healthy when every node of the cluster reports <c>cluster_state:ok</c> (all slots served).</summary>
internal sealed class RedisClusterHealthCheck(RedisClusterResource cluster) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        HealthProbe.RetryAsync(ProbeAsync, cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var password = await cluster.Password.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var states = await Task.WhenAll(cluster.Nodes.Select(async node =>
            await RedisClusterServer.IsClusterOkAsync(
                await node.TargetPortAsync(cancellationToken).ConfigureAwait(false),
                password, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);

        return states.All(ok => ok)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{states.Count(ok => !ok)} of {states.Length} nodes do not report cluster_state:ok.");
    }
}
