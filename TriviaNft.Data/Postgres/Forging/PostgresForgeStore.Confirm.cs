using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Forging;

public sealed partial class PostgresForgeStore
{
    /// <inheritdoc />
    public Task<ForgeOperation> ConfirmAsync(Guid forgeId, ForgeConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        Guard.Id(forgeId, "forge_operations.id", "The forge id");
        ArgumentNullException.ThrowIfNull(confirmation);
        Guard.TxHash(confirmation.BurnTxHash, "chk_forge_operations_burn_tx_hash_format");
        Guard.TxHash(confirmation.MintTxHash, "chk_forge_operations_mint_tx_hash_format");
        Guard.AssetFingerprint(confirmation.OutputAssetFingerprint, "chk_forge_operations_output_fingerprint_format");
        Guard.PolicyId(confirmation.OutputPolicyId, "chk_player_nfts_policy_id_format");
        Guard.TokenName(confirmation.OutputTokenName, "chk_player_nfts_token_name_length");
        var metadata = Guard.JsonObject(confirmation.Metadata, "chk_player_nfts_metadata_object", "The NFT metadata");

        // The forge row lock serialises confirmations: a concurrent second one waits, then finds it confirmed.
        const string lockForge = $"SELECT {Columns} FROM forge_operations WHERE id = @forgeId FOR UPDATE";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var forge = await connection.QuerySingleOrDefaultAsync<ForgeOperation>(
                new CommandDefinition(lockForge, new { forgeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
                ?? throw new DataNotFoundException("forge", forgeId.ToString());
            return forge.Status switch
            {
                ForgeStatus.Pending => await ConfirmPendingAsync(connection, transaction, forge, confirmation, metadata, cancellationToken).ConfigureAwait(false),
                ForgeStatus.Confirmed when forge.BurnTxHash == confirmation.BurnTxHash && forge.MintTxHash == confirmation.MintTxHash
                    && forge.OutputAssetFingerprint == confirmation.OutputAssetFingerprint => forge,
                ForgeStatus.Confirmed => throw new DataConflictException(ForgeRules.AlreadyConfirmed, "The forge is already confirmed with other chain details."),
                _ => throw new DataConflictException(ForgeRules.AlreadyFailed, "The forge failed; request a new forge."),
            };
        }, cancellationToken);
    }

    private static async Task<ForgeOperation> ConfirmPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        ForgeOperation forge, ForgeConfirmation confirmation, string metadata, CancellationToken cancellationToken)
    {
        var (tier, categoryId) = forge.Type switch
        {
            ForgeType.Category => ("ultimate", forge.CategoryId),
            ForgeType.Master => ("master", (Guid?)null),
            _ => ("seasonal", null),
        };
        await using var batch = connection.Batch(transaction);
        // Inputs are locked in fingerprint order, the order the create transaction uses; each is burned only
        // while still confirmed and held by the wallet, and the row count must cover every input.
        var burn = batch.Add("""
            UPDATE player_nfts SET status = 'burned', burned_at = now()
            WHERE id IN (SELECT id FROM player_nfts WHERE asset_fingerprint = ANY(@inputs) ORDER BY asset_fingerprint FOR UPDATE)
              AND status = 'confirmed' AND stake_key = @stakeKey
            """)
            .With("inputs", forge.InputFingerprints.ToArray())
            .With("stakeKey", forge.StakeKey);
        batch.Add($"""
            UPDATE forge_operations SET status = 'confirmed', confirmed_at = now(),
                burn_tx_hash = @burnTxHash, mint_tx_hash = @mintTxHash, output_asset_fingerprint = @output
            WHERE id = @forgeId AND status = 'pending'
            RETURNING {Columns}
            """)
            .With("forgeId", forge.Id)
            .With("burnTxHash", confirmation.BurnTxHash)
            .With("mintTxHash", confirmation.MintTxHash)
            .With("output", confirmation.OutputAssetFingerprint);
        batch.Add("""
            INSERT INTO player_nfts (stake_key, policy_id, asset_fingerprint, token_name, source, category_id, season_id, tier, metadata)
            VALUES (@stakeKey, @policyId, @output, @tokenName, 'forge', @categoryId,
                    COALESCE(@seasonId, (SELECT s.id FROM seasons s WHERE s.is_active)), @tier, @metadata::jsonb)
            """)
            .With("stakeKey", forge.StakeKey)
            .With("policyId", confirmation.OutputPolicyId)
            .With("output", confirmation.OutputAssetFingerprint)
            .With("tokenName", confirmation.OutputTokenName)
            .With("categoryId", categoryId)
            .With("seasonId", forge.SeasonId)
            .With("tier", tier)
            .With("metadata", metadata);

        ForgeOperation? confirmed = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    confirmed = reader.GetRowParser<ForgeOperation>()(reader);
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        if (confirmed is null || burn.RecordsAffected != forge.InputFingerprints.Count)
        {
            throw new DataConflictException(ForgeRules.InputsChanged, "An input was burned or moved while the forge was pending; nothing was written.");
        }

        return confirmed;
    }
}
