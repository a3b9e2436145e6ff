using Npgsql;
using TriviaNft.Data;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>A test's own migrated database: its direct connection string and the data layer over PgBouncer.</summary>
public sealed record MigratedDatabase(string Name, string DirectConnectionString, TriviaNftDatabase Data) : IAsyncDisposable
{
    /// <summary>Counts rows of <paramref name="table"/> directly (not through the proxy), for "nothing changed" checks.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="sql"/> directly and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Data.Writer.DisposeAsync();
        if (!ReferenceEquals(Data.Reader, Data.Writer))
        {
            await Data.Reader.DisposeAsync();
        }
    }
}
