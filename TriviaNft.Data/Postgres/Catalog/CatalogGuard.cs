using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>Boundary checks shared by the stores that address catalog stock by category and tier.</summary>
internal static class CatalogGuard
{
    /// <summary>Category and Category Ultimate items have a category; master and seasonal items have none.</summary>
    public static void CategoryFits(Guid? categoryId, NftTier tier)
    {
        Guard.Defined(tier, "chk_nft_catalog_tier", "The tier");
        var needsCategory = tier is NftTier.Category or NftTier.Ultimate;
        if (needsCategory && (categoryId is null || categoryId == Guid.Empty))
        {
            throw new DataValidationException("chk_nft_catalog_category_required", "Category and Category Ultimate items need a category.");
        }

        if (!needsCategory && categoryId is not null)
        {
            throw new DataValidationException("catalog.category-not-allowed", "Master and seasonal items belong to no category.");
        }
    }
}
