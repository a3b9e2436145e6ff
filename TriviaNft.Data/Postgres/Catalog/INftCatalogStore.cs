namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>
/// Reads the stock of the NFT catalog. Items are reserved by creating a pending mint
/// (<see cref="Mints.IMintStore.CreatePendingAsync"/>), which picks one with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public interface INftCatalogStore
{
    /// <summary>The stock of one category and tier (from the reader: a few seconds stale at most).</summary>
    /// <param name="categoryId">The category; required for the category and ultimate tiers, null for master and seasonal.</param>
    /// <param name="tier">The tier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Errors.DataValidationException">The tier is undefined, or the category does not fit the tier.</exception>
    Task<CatalogStock> GetStockAsync(Guid? categoryId, NftTier tier, CancellationToken cancellationToken = default);

    /// <summary>The stock of every category and tier that has catalog items (from the reader).</summary>
    Task<IReadOnlyList<CatalogStock>> ListStockAsync(CancellationToken cancellationToken = default);
}
