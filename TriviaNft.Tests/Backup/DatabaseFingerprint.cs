using Npgsql;

namespace TriviaNft.Tests.Backup;

/// <summary>One table's row count and a checksum of its content (every row as text, in a fixed order).</summary>
public sealed record TableFingerprint(string Table, long Rows, string Checksum);

/// <summary>
/// What a restore must reproduce: every table of the public schema with its rows, the schema itself (columns,
/// constraints, indexes, functions, triggers, extensions) and the migration history. Computed in SQL, independently of the code under test.
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyList<TableFingerprint> Tables, string Schema, IReadOnlyList<string> Migrations)
{
    private const string TablesSql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

    // Row text in a total order: two tables with the same rows in any physical order give the same checksum.
    private const string TableSql = """SELECT count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text COLLATE "C"), '')) FROM "{0}" t""";

    private const string SchemaSql = """
        SELECT string_agg(line, E'\n' ORDER BY line COLLATE "C") FROM (
            SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS line
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            -- Without parentheses: a CHECK re-created from its deparsed text deparses with fewer of them.
            SELECT format('constraint %s %s %s', conrelid::regclass, conname, translate(pg_get_constraintdef(oid), '()', ''))
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT format('function %s', p.oid::regprocedure) FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
            UNION ALL
            SELECT format('extension %s', extname) FROM pg_extension
            UNION ALL
            SELECT format('trigger %s', pg_get_triggerdef(t.oid)) FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
        ) s
        """;

    private const string MigrationsSql = "SELECT format('%s %s %s', id, name, run_on) FROM pgmigrations ORDER BY id";

    /// <summary>Reads the fingerprint of the database at <paramref name="connectionString"/>.</summary>
    public static async Task<DatabaseFingerprint> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        var tables = new List<TableFingerprint>();
        foreach (var table in await ColumnAsync(connection, TablesSql))
        {
            await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, TableSql, table), connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            tables.Add(new TableFingerprint(table, reader.GetInt64(0), reader.GetString(1)));
        }

        var schema = (await ColumnAsync(connection, SchemaSql)).Single();
        return new DatabaseFingerprint(tables, schema, await ColumnAsync(connection, MigrationsSql));
    }

    /// <summary>Rows of <paramref name="table"/>.</summary>
    public long RowsOf(string table) => Tables.Single(t => t.Table == table).Rows;

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
