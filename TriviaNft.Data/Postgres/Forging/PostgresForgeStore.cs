using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Forging;

/// <summary>PostgreSQL implementation of <see cref="IForgeStore"/>.</summary>
/// <param name="database">The endpoints: every method writes or reads its own writes, so all use the writer.</param>
/// <param name="options">The forging numbers; <see cref="ForgingOptions.Default"/> when null.</param>
public sealed partial class PostgresForgeStore(TriviaNftDatabase database, ForgingOptions? options = null) : IForgeStore
{
    private const string Columns = """
        id, type, stake_key, category_id, season_id,
        ARRAY(SELECT jsonb_array_elements_text(input_fingerprints)) AS input_fingerprints,
        burn_tx_hash, mint_tx_hash, output_asset_fingerprint, status, error, confirmed_at, created_at
        """;

    private readonly ForgingOptions _options = (options ?? ForgingOptions.Default).Checked();

    /// <inheritdoc />
    public async Task<ForgeOperation> GetAsync(Guid forgeId, CancellationToken cancellationToken = default)
    {
        Guard.Id(forgeId, "forge_operations.id", "The forge id");
        const string sql = $"SELECT {Columns} FROM forge_operations WHERE id = @forgeId";
        var forge = await Db.ReadAsync(database.Writer, connection => connection.QuerySingleOrDefaultAsync<ForgeOperation>(
            new CommandDefinition(sql, new { forgeId }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return forge ?? throw new DataNotFoundException("forge", forgeId.ToString());
    }

    /// <inheritdoc />
    public Task<ForgeOperation> FailAsync(Guid forgeId, string error, CancellationToken cancellationToken = default)
    {
        Guard.Id(forgeId, "forge_operations.id", "The forge id");
        Guard.Text(error, "forge_operations.error", "The failure reason", 1, 2000);
        // Inputs are burned only on confirmation, so a failed forge has nothing to undo: leaving 'pending'
        // frees its inputs for another forge.
        const string fail = $"""
            UPDATE forge_operations SET status = 'failed', error = @error
            WHERE id = @forgeId AND status = 'pending'
            RETURNING {Columns}
            """;
        const string current = $"SELECT {Columns} FROM forge_operations WHERE id = @forgeId";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var failed = await connection.QuerySingleOrDefaultAsync<ForgeOperation>(
                new CommandDefinition(fail, new { forgeId, error }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (failed is not null)
            {
                return failed;
            }

            var forge = await connection.QuerySingleOrDefaultAsync<ForgeOperation>(
                new CommandDefinition(current, new { forgeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return forge switch
            {
                null => throw new DataNotFoundException("forge", forgeId.ToString()),
                { Status: ForgeStatus.Confirmed } => throw new DataConflictException(ForgeRules.AlreadyConfirmed, "The forge is already confirmed and cannot fail."),
                _ => forge, // already failed: failing again is a no-op
            };
        }, cancellationToken);
    }
}
