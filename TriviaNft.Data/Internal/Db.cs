using System.Data;
using Npgsql;
using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Runs a unit of work on a pooled connection with the data layer's rules: one short transaction, PostgreSQL
/// errors mapped to typed exceptions, and a retry of the whole transaction when the server rolled it back for
/// a serialization failure or deadlock (safe: nothing of it was committed).
/// </summary>
internal static class Db
{
    private const int MaxAttempts = 3;

    /// <summary>Runs <paramref name="work"/> in a transaction on <paramref name="dataSource"/> and commits it.</summary>
    public static async Task<T> WriteAsync<T>(
        NpgsqlDataSource dataSource,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * Random.Shared.Next(1, 5)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Translate(ex) is { } mapped)
            {
                throw mapped;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> — one <see cref="NpgsqlBatch"/> executed without an explicit transaction — with the
    /// rules of <see cref="WriteAsync{T}"/>. PostgreSQL runs a batch's statements (everything up to its one Sync) as one
    /// implicit transaction: committed when the last statement succeeds, rolled back when any fails. The same
    /// atomicity as BEGIN … COMMIT, without COMMIT's own round trip through the proxy.
    /// </summary>
    public static async Task<T> WriteBatchAsync<T>(
        NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                return await work(connection).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * Random.Shared.Next(1, 5)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Translate(ex) is { } mapped)
            {
                throw mapped;
            }
        }
    }

    /// <summary>Runs read-only <paramref name="work"/> on <paramref name="dataSource"/> (no explicit transaction).</summary>
    public static async Task<T> ReadAsync<T>(
        NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    private static bool IsRetryable(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static TriviaNftDataException? Translate(Exception ex) => ex switch
    {
        TriviaNftDataException => null,
        PostgresException postgres => PostgresErrorMapper.Map(postgres),
        NpgsqlException { IsTransient: true } npgsql =>
            new DataUnavailableException("The database could not be reached; retry if the operation is idempotent.", npgsql),
        TimeoutException timeout => new DataUnavailableException("The database did not answer in time; retry if the operation is idempotent.", timeout),
        _ => null,
    };
}
