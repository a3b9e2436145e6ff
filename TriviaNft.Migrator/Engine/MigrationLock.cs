using Npgsql;

namespace TriviaNft.Migrator.Engine;

/// <summary>
/// Serialises migrators across processes with a session advisory lock on the direct connection (never
/// through a transaction-pooling proxy, which would hand the session to someone else). The key is
/// node-pg-migrate's, so this runner and the Node tool exclude each other.
/// </summary>
public static class MigrationLock
{
    /// <summary>node-pg-migrate's advisory lock key.</summary>
    public const long Key = 7241865325823964;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <c>pg_try_advisory_lock</c> until it succeeds or <paramref name="timeout"/> passes.</summary>
    /// <exception cref="MigrationLockTimeoutException">The lock was not acquired in time.</exception>
    public static async Task AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new MigrationLockTimeoutException(timeout);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the lock taken by <see cref="AcquireAsync"/> on the same connection.</summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection);
        await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
