using Npgsql;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>Reads the catalog of a test database: which tables, indexes and constraints exist.</summary>
public static class SchemaInspector
{
    /// <summary>The tables of the public schema, except the migration history.</summary>
    public static Task<IReadOnlyList<string>> TablesAsync(string connectionString) => NamesAsync(connectionString, """
        SELECT tablename FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'pgmigrations'
        ORDER BY 1
        """);

    /// <summary>Every index name of the public schema.</summary>
    public static Task<IReadOnlyList<string>> IndexesAsync(string connectionString) => NamesAsync(connectionString,
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");

    /// <summary>Every constraint name of the public schema.</summary>
    public static Task<IReadOnlyList<string>> ConstraintsAsync(string connectionString) => NamesAsync(connectionString, """
        SELECT c.conname FROM pg_constraint c
        JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public'
        ORDER BY 1
        """);

    /// <summary>The definition of index <paramref name="name"/>, as PostgreSQL prints it.</summary>
    public static async Task<string?> IndexDefinitionAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
