using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class CategoryStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresCategoryStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresCategoryStore(_db.Data);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ActiveCategoriesComeInDisplayOrder()
    {
        var categories = await _store.ListActiveAsync();

        Assert.Equal(9, categories.Count);
        Assert.Equal(categories.OrderBy(c => c.DisplayOrder).Select(c => c.Slug), categories.Select(c => c.Slug));
        Assert.All(categories, c => Assert.True(c.IsActive));
    }

    [Fact]
    public async Task AnInactiveCategoryIsNotListed()
    {
        await _db.ScalarAsync<int>("UPDATE categories SET is_active = false WHERE slug = 'science' RETURNING 1");

        Assert.DoesNotContain(await _store.ListActiveAsync(), c => c.Slug == "science");
    }

    [Fact]
    public async Task ACategoryIsFoundByItsSlug()
    {
        var science = await _store.GetBySlugAsync("science");

        Assert.Equal("Science", science.Name);
        Assert.NotEqual(Guid.Empty, science.Id);
    }

    [Fact]
    public async Task AnUnknownSlugIsNotFound()
    {
        var error = await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetBySlugAsync("alchemy"));

        Assert.Equal("category", error.Entity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sci\0ence")]
    public async Task AMalformedSlugIsAValidationError(string slug)
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.GetBySlugAsync(slug));
    }
}
