using Npgsql;

namespace TriviaNft.Migrator.Engine;

/// <summary>A row of <c>pgmigrations</c>.</summary>
public sealed record AppliedMigration(int Id, string Name, DateTime RunOn, string? Checksum);

/// <summary>
/// The <c>pgmigrations</c> table in node-pg-migrate's shape (<c>id serial, name varchar(255), run_on timestamp</c>).
/// An existing table is adopted as it is; our only addition is a nullable <c>checksum</c> column, which the
/// Node tool ignores, so both tools can keep working on one database.
/// </summary>
internal static class MigrationHistory
{
    public const string Table = "pgmigrations";

    /// <summary>Creates the table if needed, or adds the checksum column to an adopted one. Call under the lock.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS public.pgmigrations (
              id serial PRIMARY KEY,
              name varchar(255) NOT NULL,
              run_on timestamp NOT NULL
            );
            ALTER TABLE public.pgmigrations ADD COLUMN IF NOT EXISTS checksum text;
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The applied migrations in the order they ran; empty when the table does not exist yet.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string existsSql = """
            SELECT
              to_regclass('public.pgmigrations') IS NOT NULL,
              EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = 'public' AND table_name = 'pgmigrations' AND column_name = 'checksum')
            """;
        bool exists, hasChecksum;
        await using (var command = new NpgsqlCommand(existsSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            exists = reader.GetBoolean(0);
            hasChecksum = reader.GetBoolean(1);
        }

        if (!exists)
        {
            return [];
        }

        var sql = $"SELECT id, name, run_on, {(hasChecksum ? "checksum" : "NULL::text")} FROM public.pgmigrations ORDER BY run_on, id";
        await using var select = new NpgsqlCommand(sql, connection);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var applied = new List<AppliedMigration>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(new AppliedMigration(
                rows.GetInt32(0), rows.GetString(1), rows.GetDateTime(2), rows.IsDBNull(3) ? null : rows.GetString(3)));
        }

        return applied;
    }

    public static NpgsqlBatchCommand Insert(Migration migration) =>
        new("INSERT INTO public.pgmigrations (name, run_on, checksum) VALUES ($1, now(), $2)")
        {
            Parameters = { new() { Value = migration.Name }, new() { Value = migration.Checksum } },
        };

    public static NpgsqlBatchCommand Delete(Migration migration) =>
        new("DELETE FROM public.pgmigrations WHERE name = $1")
        {
            Parameters = { new() { Value = migration.Name } },
        };
}
