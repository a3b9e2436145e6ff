using Dapper;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>PostgreSQL implementation of <see cref="INftCatalogStore"/>.</summary>
public sealed class PostgresNftCatalogStore(TriviaNftDatabase database) : INftCatalogStore
{
    // An unminted item is held while a live (pending or confirmed) mint points at it (uq_mints_catalog_live).
    private const string Held = "EXISTS (SELECT 1 FROM mints m WHERE m.catalog_id = c.id AND m.status <> 'failed')";

    /// <inheritdoc />
    public async Task<CatalogStock> GetStockAsync(Guid? categoryId, NftTier tier, CancellationToken cancellationToken = default)
    {
        CatalogGuard.CategoryFits(categoryId, tier);
        // Two shapes so that each compares category_id with = or IS NULL, which idx_nft_catalog_available serves.
        const string byCategory = $"""
            SELECT count(*)::int AS unminted, count(*) FILTER (WHERE NOT {Held})::int AS available
            FROM nft_catalog c
            WHERE c.category_id = @categoryId AND c.tier = @tier AND NOT c.is_minted
            """;
        const string withoutCategory = $"""
            SELECT count(*)::int AS unminted, count(*) FILTER (WHERE NOT {Held})::int AS available
            FROM nft_catalog c
            WHERE c.category_id IS NULL AND c.tier = @tier AND NOT c.is_minted
            """;
        var counts = await Db.ReadAsync(database.Reader, connection => connection.QuerySingleAsync<(int Unminted, int Available)>(
                new CommandDefinition(categoryId is null ? withoutCategory : byCategory,
                    new { categoryId, tier = DbText.Of(tier) }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return new CatalogStock { CategoryId = categoryId, Tier = tier, Unminted = counts.Unminted, Available = counts.Available };
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CatalogStock>> ListStockAsync(CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT c.category_id, c.tier,
                   count(*) FILTER (WHERE NOT c.is_minted)::int AS unminted,
                   count(*) FILTER (WHERE NOT c.is_minted AND NOT {Held})::int AS available
            FROM nft_catalog c
            GROUP BY c.category_id, c.tier
            ORDER BY c.category_id NULLS LAST, c.tier
            """;
        return Db.ReadAsync<IReadOnlyList<CatalogStock>>(database.Reader, async connection =>
            [.. await connection.QueryAsync<CatalogStock>(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }
}
