using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Mints;

/// <summary>PostgreSQL implementation of <see cref="IMintStore"/>.</summary>
/// <param name="database">The endpoints: every method writes or reads its own writes, so all use the writer.</param>
/// <param name="options">Tunables; <see cref="MintOptions.Default"/> when null.</param>
/// <param name="timeProvider">The clock that decides whether an eligibility has expired; <see cref="TimeProvider.System"/> when null.</param>
public sealed partial class PostgresMintStore(TriviaNftDatabase database, MintOptions? options = null, TimeProvider? timeProvider = null) : IMintStore
{
    private const string Columns =
        "id, eligibility_id, catalog_id, player_id, stake_key, status, tx_hash, policy_id, asset_fingerprint, token_name, ipfs_cid, error, confirmed_at, created_at";

    private readonly MintOptions _options = (options ?? MintOptions.Default).Checked();
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<Mint> GetAsync(Guid mintId, CancellationToken cancellationToken = default)
    {
        Guard.Id(mintId, "mints.id", "The mint id");
        const string sql = $"SELECT {Columns} FROM mints WHERE id = @mintId";
        var mint = await Db.ReadAsync(database.Writer, connection => connection.QuerySingleOrDefaultAsync<Mint>(
            new CommandDefinition(sql, new { mintId }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return mint ?? throw new DataNotFoundException("mint", mintId.ToString());
    }

    /// <inheritdoc />
    public Task<Mint> FailAsync(Guid mintId, string error, CancellationToken cancellationToken = default)
    {
        Guard.Id(mintId, "mints.id", "The mint id");
        Guard.Text(error, "mints.error", "The failure reason", 1, 2000);
        // The status change alone releases the catalog item (uq_mints_catalog_live covers live mints only) and
        // leaves the eligibility active: nothing else to undo.
        const string fail = $"""
            UPDATE mints SET status = 'failed', error = @error
            WHERE id = @mintId AND status = 'pending'
            RETURNING {Columns}
            """;
        const string current = $"SELECT {Columns} FROM mints WHERE id = @mintId";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var failed = await connection.QuerySingleOrDefaultAsync<Mint>(
                new CommandDefinition(fail, new { mintId, error }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (failed is not null)
            {
                return failed;
            }

            var mint = await connection.QuerySingleOrDefaultAsync<Mint>(
                new CommandDefinition(current, new { mintId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return mint switch
            {
                null => throw new DataNotFoundException("mint", mintId.ToString()),
                { Status: MintStatus.Confirmed } => throw new DataConflictException(MintRules.AlreadyConfirmed, "The mint is already confirmed and cannot fail."),
                _ => mint, // already failed: failing again is a no-op
            };
        }, cancellationToken);
    }
}
