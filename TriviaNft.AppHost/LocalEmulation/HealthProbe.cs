using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// Retries a probe for a short window before reporting unhealthy. Aspire re-runs a failing check after
/// 1 s, 2 s, 3 s …; a server that needs 300 ms to open its port would otherwise be seen seconds late, and
/// everything waiting for it with it.
/// </summary>
internal static class HealthProbe
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<HealthCheckResult> RetryAsync(
        Func<CancellationToken, Task<HealthCheckResult>> probe, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(Window);
        while (true)
        {
            var result = await probe(cancellationToken).ConfigureAwait(false);
            if (result.Status == HealthStatus.Healthy)
            {
                return result;
            }

            try
            {
                await Task.Delay(Interval, window.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return result;
            }
        }
    }
}
