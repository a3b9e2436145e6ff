using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Mints;

public sealed partial class PostgresMintStore
{
    /// <inheritdoc />
    public Task<Mint> ConfirmAsync(Guid mintId, MintConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        Guard.Id(mintId, "mints.id", "The mint id");
        ArgumentNullException.ThrowIfNull(confirmation);
        Guard.TxHash(confirmation.TxHash, "chk_mints_tx_hash_format");
        Guard.PolicyId(confirmation.PolicyId, "chk_mints_policy_id_format");
        Guard.AssetFingerprint(confirmation.AssetFingerprint, "chk_mints_asset_fingerprint_format");
        Guard.TokenName(confirmation.TokenName, "chk_mints_token_name_length");
        if (confirmation.Metadata is not null)
        {
            Guard.JsonObject(confirmation.Metadata, "chk_player_nfts_metadata_object", "The NFT metadata");
        }

        // The lock serialises confirmations of one mint; a second one finds it confirmed and compares details.
        const string lockMint = $"SELECT {Columns} FROM mints WHERE id = @mintId FOR UPDATE";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var mint = await connection.QuerySingleOrDefaultAsync<Mint>(
                new CommandDefinition(lockMint, new { mintId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
                ?? throw new DataNotFoundException("mint", mintId.ToString());
            return mint.Status switch
            {
                MintStatus.Pending => await ConfirmPendingAsync(connection, transaction, mint, confirmation, cancellationToken).ConfigureAwait(false),
                MintStatus.Confirmed when SameDetails(mint, confirmation) => mint,
                MintStatus.Confirmed => throw new DataConflictException(MintRules.AlreadyConfirmed, "The mint is already confirmed with other chain details."),
                _ => throw new DataConflictException(MintRules.AlreadyFailed, "The mint failed; retry the eligibility to start a new attempt."),
            };
        }, cancellationToken);
    }

    private static bool SameDetails(Mint mint, MintConfirmation confirmation) =>
        mint.TxHash == confirmation.TxHash && mint.PolicyId == confirmation.PolicyId
        && mint.AssetFingerprint == confirmation.AssetFingerprint && mint.TokenName == confirmation.TokenName;

    private static async Task<Mint> ConfirmPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Mint mint, MintConfirmation confirmation, CancellationToken cancellationToken)
    {
        // Five independent statements, one round trip. The mint row is locked by us, so each conditional update
        // is checked by its row count: any surprise rolls everything back.
        await using var batch = connection.Batch(transaction);
        batch.Add($"""
            UPDATE mints SET status = 'confirmed', confirmed_at = now(), error = NULL,
                tx_hash = @txHash, policy_id = @policyId, asset_fingerprint = @fingerprint, token_name = @tokenName
            WHERE id = @mintId AND status = 'pending'
            RETURNING {Columns}
            """)
            .With("mintId", mint.Id)
            .With("txHash", confirmation.TxHash)
            .With("policyId", confirmation.PolicyId)
            .With("fingerprint", confirmation.AssetFingerprint)
            .With("tokenName", confirmation.TokenName);
        // The NFT takes the eligibility's season, or the season active when it was minted; its metadata defaults
        // to the catalog item's attributes.
        var nft = batch.Add("""
            INSERT INTO player_nfts (stake_key, policy_id, asset_fingerprint, token_name, source, category_id, season_id, tier, metadata)
            SELECT @stakeKey, @policyId, @fingerprint, @tokenName, 'mint', c.category_id,
                   COALESCE(e.season_id, (SELECT s.id FROM seasons s WHERE s.is_active)), c.tier, COALESCE(@metadata::jsonb, c.attributes)
            FROM nft_catalog c, eligibilities e
            WHERE c.id = @catalogId AND e.id = @eligibilityId
            """)
            .With("stakeKey", mint.StakeKey)
            .With("policyId", confirmation.PolicyId)
            .With("fingerprint", confirmation.AssetFingerprint)
            .With("tokenName", confirmation.TokenName)
            .With("metadata", confirmation.Metadata)
            .With("catalogId", mint.CatalogId)
            .With("eligibilityId", mint.EligibilityId);
        var stock = batch.Add("UPDATE nft_catalog SET is_minted = true, minted_at = now() WHERE id = @catalogId AND NOT is_minted")
            .With("catalogId", mint.CatalogId);
        // Expired is fine: the mint was started within the window, and the chain has the NFT now.
        batch.Add("UPDATE eligibilities SET status = 'used', used_at = now() WHERE id = @eligibilityId AND status <> 'used'")
            .With("eligibilityId", mint.EligibilityId);
        batch.Add("""
            INSERT INTO season_points AS sp (season_id, stake_key, nfts_minted)
            SELECT s.id, @stakeKey, 1 FROM seasons s WHERE s.is_active
            ON CONFLICT (season_id, stake_key) DO UPDATE SET nfts_minted = sp.nfts_minted + 1, updated_at = now()
            """)
            .With("stakeKey", mint.StakeKey);

        Mint? confirmed;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            confirmed = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetRowParser<Mint>()(reader) : null;
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                // Drain: row counts are complete only once every result was read.
            }
        }

        if (confirmed is null || nft.RecordsAffected != 1 || stock.RecordsAffected != 1)
        {
            throw new DataConflictException(MintRules.StateChanged, "The mint's catalog item or eligibility changed while confirming; nothing was written.");
        }

        return confirmed;
    }
}
