using Dapper;
using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>
/// Picks an available catalog item inside the caller's transaction. The row lock taken here is held only until
/// that transaction ends: the durable reservation is the pending mint the caller inserts in the same
/// transaction (uq_mints_catalog_live lets one live mint hold an item). Stock is consumed (is_minted) only when
/// the mint is confirmed.
/// </summary>
internal static class CatalogReservation
{
    /// <summary>The picked item.</summary>
    public sealed record Item
    {
        public Guid Id { get; init; }

        public string? IpfsCid { get; init; }
    }

    /// <summary>
    /// Locks one unminted item of <paramref name="categoryId"/> and <paramref name="tier"/> that no live mint
    /// holds, skipping items other transactions are locking right now, so concurrent minters never wait on each
    /// other; null when none is left. Every writer of a live mint locks its item here first, so once the caller
    /// holds the lock, its next statement sees every live mint of the item.
    /// </summary>
    public static Task<Item?> PickAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid? categoryId, NftTier tier, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Item>(new CommandDefinition(
            categoryId is null ? PickWithoutCategory : PickByCategory,
            new { categoryId, tier = DbText.Of(tier) }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The pick for category and ultimate items (<c>@categoryId</c>, <c>@tier</c>), usable as a CTE. Two shapes, so
    /// that each compares category_id with = or IS NULL, which idx_nft_catalog_available serves.
    /// </summary>
    public const string PickByCategory = """
        SELECT c.id, c.ipfs_cid FROM nft_catalog c
        WHERE c.category_id = @categoryId AND c.tier = @tier AND NOT c.is_minted
          AND NOT EXISTS (SELECT 1 FROM mints m WHERE m.catalog_id = c.id AND m.status <> 'failed')
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED
        """;

    /// <summary>The pick for master and seasonal items (<c>@tier</c>), usable as a CTE.</summary>
    public const string PickWithoutCategory = """
        SELECT c.id, c.ipfs_cid FROM nft_catalog c
        WHERE c.category_id IS NULL AND c.tier = @tier AND NOT c.is_minted
          AND NOT EXISTS (SELECT 1 FROM mints m WHERE m.catalog_id = c.id AND m.status <> 'failed')
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED
        """;
}
