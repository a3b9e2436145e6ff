using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class NftCatalogStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresNftCatalogStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresNftCatalogStore(_db.Data);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task StockCountsUnmintedItemsAndWhatAPendingMintStillLeavesAvailable()
    {
        var science = await _db.CategoryAsync();
        await _db.CatalogAsync(science, "category", 3);
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        await new PostgresMintStore(_db.Data).CreatePendingAsync(await _db.EligibilityAsync(player, science), player);

        var stock = await _store.GetStockAsync(science, NftTier.Category);

        Assert.Equal(new CatalogStock { CategoryId = science, Tier = NftTier.Category, Unminted = 3, Available = 2 }, stock);
    }

    [Fact]
    public async Task MintedItemsAreNoLongerStock()
    {
        var science = await _db.CategoryAsync();
        var items = await _db.CatalogAsync(science, "category", 2);
        await _db.ExecuteAsync("UPDATE nft_catalog SET is_minted = true, minted_at = now() WHERE id = $1", items[0]);

        var stock = await _store.GetStockAsync(science, NftTier.Category);

        Assert.Equal((1, 1), (stock.Unminted, stock.Available));
    }

    [Fact]
    public async Task MasterAndSeasonalStockHasNoCategory()
    {
        await _db.CatalogAsync(null, "master", 2);
        await _db.CatalogAsync(null, "seasonal", 1);

        Assert.Equal(2, (await _store.GetStockAsync(null, NftTier.Master)).Available);
        Assert.Equal(1, (await _store.GetStockAsync(null, NftTier.Seasonal)).Available);
        Assert.Equal(0, (await _store.GetStockAsync(await _db.CategoryAsync(), NftTier.Ultimate)).Available);
    }

    [Fact]
    public async Task TheStockListHasOneLinePerCategoryAndTier()
    {
        var science = await _db.CategoryAsync();
        var history = await _db.CategoryAsync("history");
        await _db.CatalogAsync(science, "category", 2);
        await _db.CatalogAsync(science, "ultimate", 1);
        await _db.CatalogAsync(history, "category", 4);
        await _db.CatalogAsync(null, "master", 1);

        var stock = await _store.ListStockAsync();

        Assert.Equal(4, stock.Count);
        Assert.Contains(new CatalogStock { CategoryId = history, Tier = NftTier.Category, Unminted = 4, Available = 4 }, stock);
        Assert.Contains(new CatalogStock { CategoryId = null, Tier = NftTier.Master, Unminted = 1, Available = 1 }, stock);
    }

    [Fact]
    public async Task AStockRequestThatDoesNotFitItsTierIsAValidationError()
    {
        var science = await _db.CategoryAsync();

        var undefined = await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetStockAsync(science, (NftTier)42));
        var noCategory = await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetStockAsync(null, NftTier.Category));
        var masterWithCategory = await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetStockAsync(science, NftTier.Master));

        Assert.Equal("chk_nft_catalog_tier", undefined.Rule);
        Assert.Equal("chk_nft_catalog_category_required", noCategory.Rule);
        Assert.Equal("catalog.category-not-allowed", masterWithCategory.Rule);
    }
}
