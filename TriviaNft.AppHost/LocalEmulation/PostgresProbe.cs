using Npgsql;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Asks a PostgreSQL server directly (no proxy, no pool) whether it is in recovery, i.e. a replica.</summary>
internal static class PostgresProbe
{
    /// <summary>True for a replica, false for a writer, null when the server does not answer.</summary>
    public static async Task<bool?> IsInRecoveryAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false);
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Polls until the server answers in the given role, or fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitForRoleAsync(PostgresServerResource server, bool replica, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (await IsInRecoveryAsync(server, deadline.Token).ConfigureAwait(false) != replica)
            {
                await Task.Delay(200, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{server.Name} did not answer as {(replica ? "a replica" : "the writer")} within {timeout.TotalSeconds:0} s.");
        }
    }
}
