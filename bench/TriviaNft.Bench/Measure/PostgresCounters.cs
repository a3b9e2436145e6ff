using Npgsql;

namespace TriviaNft.Bench.Measure;

/// <summary>
/// Committed transactions of the benchmark database, from <c>pg_stat_database.xact_commit</c>. Every statement
/// outside an explicit transaction is a transaction of its own, so this counts reads too. Backends publish their
/// counters when idle, at most once a second (PostgreSQL 15), so a reading waits for them first.
/// </summary>
internal static class PostgresCounters
{
    /// <summary>Reads through <paramref name="statsConnectionString"/>: a connection to another database, so the reading adds nothing.</summary>
    public static async Task<long> CommittedTransactionsAsync(string statsConnectionString, string database, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(statsConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
