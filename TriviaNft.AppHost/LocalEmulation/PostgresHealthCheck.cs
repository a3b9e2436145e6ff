using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// Healthy when the server accepts queries on the <c>trivianft</c> database and is in the role it should be:
/// the writer out of recovery, a replica in recovery (streaming from the writer, read-only).
/// </summary>
internal sealed class PostgresHealthCheck(PostgresServerResource server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        HealthProbe.RetryAsync(ProbeAsync, cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false);

            // No pooling: an idle pooled connection would hold the server back from a smart shutdown.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            var inRecovery = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            // The role is read at each check: a failover swaps it.
            var expectReplica = server.Primary is not null;

            return inRecovery == expectReplica
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(expectReplica ? "The replica is not in recovery." : "The writer is in recovery.");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }
}
