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

    /// <summary>
    /// Closes the pools and drops the database. Dropping is what frees the server's connection slots: PgBouncer
    /// keeps idle server connections per database and Npgsql pools the direct ones, so a run that creates a
    /// database per test would otherwise reach max_connections.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Data.Writer.DisposeAsync();
        if (!ReferenceEquals(Data.Reader, Data.Writer))
        {
            await Data.Reader.DisposeAsync();
        }

        await using (var pooled = new NpgsqlConnection(DirectConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var admin = new NpgsqlConnectionStringBuilder(DirectConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        // FORCE ends the proxy's idle server connections to it; the name is ours ("test_" + hex).
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
