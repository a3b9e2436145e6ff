using Dapper;
using Npgsql;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Postgres.Catalog;

namespace TriviaNft.Data.Postgres.Mints;

// The writes that make a pending mint hold its catalog item. Each returns null when the item turned out to be
// taken, and the caller picks again.
public sealed partial class PostgresMintStore
{
    private static Task<Mint?> PickAndInsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid eligibilityId, Guid playerId, string stakeKey, Guid? categoryId, NftTier tier, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING (every unique index is an arbiter, uq_mints_catalog_live included) turns the lost
        // race into "no row" instead of an error that would abort the transaction.
        const string byCategory = $"""
            WITH item AS ({CatalogReservation.PickByCategory})
            INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, ipfs_cid)
            SELECT @eligibilityId, item.id, @playerId, @stakeKey, item.ipfs_cid FROM item
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        const string withoutCategory = $"""
            WITH item AS ({CatalogReservation.PickWithoutCategory})
            INSERT INTO mints (eligibility_id, catalog_id, player_id, stake_key, ipfs_cid)
            SELECT @eligibilityId, item.id, @playerId, @stakeKey, item.ipfs_cid FROM item
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        return connection.QuerySingleOrDefaultAsync<Mint>(new CommandDefinition(categoryId is null ? withoutCategory : byCategory,
            new { eligibilityId, playerId, stakeKey, categoryId, tier = DbText.Of(tier) }, transaction, cancellationToken: cancellationToken));
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
}
