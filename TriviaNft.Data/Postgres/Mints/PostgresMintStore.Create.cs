using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Postgres.Catalog;

namespace TriviaNft.Data.Postgres.Mints;

public sealed partial class PostgresMintStore
{
    /// <inheritdoc />
    public Task<Mint> CreatePendingAsync(Guid eligibilityId, Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(eligibilityId, "mints.eligibility_id", "The eligibility id");
        Guard.Id(playerId, "mints.player_id", "The player id");
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            for (var attempt = 1; attempt <= _options.MaxPickAttempts; attempt++)
            {
                var (eligibility, existing) = await LockEligibilityAsync(connection, transaction, eligibilityId, cancellationToken).ConfigureAwait(false);
                var (categoryId, tier) = Check(eligibility, existing, eligibilityId, playerId);
                var item = await CatalogReservation.PickAsync(connection, transaction, categoryId, tier, cancellationToken).ConfigureAwait(false)
                    ?? throw new DataConflictException(MintRules.OutOfStock, $"No {DbText.Of(tier)} NFT is left to mint for this eligibility.");
                var mint = existing is null
                    ? await InsertAsync(connection, transaction, eligibilityId, playerId, eligibility!.StakeKey!, item, cancellationToken).ConfigureAwait(false)
                    : await ResetAsync(connection, transaction, existing.Id, playerId, eligibility!.StakeKey!, item, cancellationToken).ConfigureAwait(false);
                if (mint is not null)
                {
                    return mint;
                }

                // The item was taken by a mint that committed between our snapshot and our lock: pick again.
                // The eligibility lock is already ours, so the next round's reads are current.
            }

            throw new DataConcurrencyException("Concurrent mints kept taking the picked NFT; nothing was written, try again.");
        }, cancellationToken);
    }

    private static async Task<(EligibilityRow? Eligibility, Mint? Existing)> LockEligibilityAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eligibilityId, CancellationToken cancellationToken)
    {
        // One round trip, two statements: the second starts after the first holds the lock, so it sees the mint
        // of any consumer of this eligibility that committed while we waited.
        const string sql = $"""
            SELECT e.type, e.category_id, e.player_id, e.status, e.expires_at <= now() AS expired, p.stake_key
            FROM eligibilities e JOIN players p ON p.id = e.player_id
            WHERE e.id = @eligibilityId
            FOR UPDATE OF e;
            SELECT {Columns} FROM mints WHERE eligibility_id = @eligibilityId;
            """;
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, new { eligibilityId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var eligibility = await results.ReadSingleOrDefaultAsync<EligibilityRow>().ConfigureAwait(false);
        var existing = await results.ReadSingleOrDefaultAsync<Mint>().ConfigureAwait(false);
        return (eligibility, existing);
    }

    private static (Guid? CategoryId, NftTier Tier) Check(EligibilityRow? eligibility, Mint? existing, Guid eligibilityId, Guid playerId)
    {
        if (eligibility is null)
        {
            throw new DataNotFoundException("eligibility", eligibilityId.ToString());
        }

        if (eligibility.PlayerId != playerId)
        {
            throw new DataValidationException(MintRules.EligibilityNotOwned, "This eligibility belongs to another player.");
        }

        if (existing is { Status: not MintStatus.Failed })
        {
            throw new DataConflictException(MintRules.EligibilityHasMint, $"This eligibility already has a {DbText.Of(existing.Status)} mint ({existing.Id}).");
        }

        if (eligibility.Status != "active")
        {
            throw new DataConflictException(MintRules.EligibilityNotActive, $"This eligibility is {eligibility.Status}.");
        }

        if (eligibility.Expired)
        {
            throw new DataConflictException(MintRules.EligibilityExpired, "This eligibility's window has passed.");
        }

        if (eligibility.StakeKey is null)
        {
            throw new DataConflictException(MintRules.WalletRequired, "Connect a wallet to mint: the NFT is sent to its stake key.");
        }

        // A category eligibility mints its category's NFTs; master and season eligibilities mint the category-less tiers.
        return eligibility.Type switch
        {
            "category" => (eligibility.CategoryId, NftTier.Category),
            "master" => (null, NftTier.Master),
            _ => (null, NftTier.Seasonal),
        };
    }

    private static Task<Mint?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid eligibilityId, Guid playerId, string stakeKey, CatalogReservation.Item item, CancellationToken cancellationToken)
    {
        // NOT EXISTS runs on a snapshot taken after our item lock, so it sees every live mint of the item; ON CONFLICT
        // (all unique indexes, uq_mints_catalog_live and uq_mints_eligibility included) is the last word.
        const string sql = $"""
            INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, ipfs_cid)
            SELECT @eligibilityId, @catalogId, @playerId, @stakeKey, @ipfsCid
            WHERE NOT EXISTS (SELECT 1 FROM mints WHERE catalog_id = @catalogId AND status <> 'failed')
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        return connection.QuerySingleOrDefaultAsync<Mint>(new CommandDefinition(sql,
            new { eligibilityId, catalogId = item.Id, playerId, stakeKey, ipfsCid = item.IpfsCid }, transaction, cancellationToken: cancellationToken));
    }

    private static Task<Mint?> ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid mintId, Guid playerId, string stakeKey, CatalogReservation.Item item, CancellationToken cancellationToken)
    {
        // uq_mints_eligibility is a plain unique constraint: a retry reuses the failed row, never adds one.
        const string sql = $"""
            UPDATE mints SET status = 'pending', catalog_id = @catalogId, player_id = @playerId, stake_key = @stakeKey,
                ipfs_cid = @ipfsCid, error = NULL, tx_hash = NULL, policy_id = NULL, asset_fingerprint = NULL, token_name = NULL
            WHERE id = @mintId AND status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM mints o WHERE o.catalog_id = @catalogId AND o.status <> 'failed')
            RETURNING {Columns}
            """;
        return connection.QuerySingleOrDefaultAsync<Mint>(new CommandDefinition(sql,
            new { mintId, catalogId = item.Id, playerId, stakeKey, ipfsCid = item.IpfsCid }, transaction, cancellationToken: cancellationToken));
    }

    private sealed record EligibilityRow
    {
        public required string Type { get; init; }

        public Guid? CategoryId { get; init; }

        public Guid PlayerId { get; init; }

        public required string Status { get; init; }

        public bool Expired { get; init; }

        public string? StakeKey { get; init; }
    }
}
