using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// Small reads the jobs make on the writer (they act on what is committed, never on a lagging replica), with the
/// data layer's error mapping.
/// </summary>
internal static class JobSql
{
    /// <summary>Runs <paramref name="sql"/> and returns the first column of the first row.</summary>
    public static Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Db.ReadAsync(source, async connection =>
        {
            await using var command = Command(connection, sql, parameters);
            return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> and maps every row with <paramref name="map"/>.</summary>
    public static Task<List<T>> ListAsync<T>(
        NpgsqlDataSource source, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Db.ReadAsync(source, async connection =>
        {
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }, cancellationToken);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value is DateTimeOffset instant ? instant.ToPostgres() : value);
        }

        return command;
    }
}
