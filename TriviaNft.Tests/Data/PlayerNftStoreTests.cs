using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class PlayerNftStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly string _wallet = TestRows.StakeKey();
    private MigratedDatabase _db = null!;
    private PostgresPlayerNftStore _store = null!;
    private Guid _science;
    private Guid _history;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresPlayerNftStore(_db.Data, new PagingOptions { MaxPageSize = 10 });
        _science = await _db.CategoryAsync();
        _history = await _db.CategoryAsync("history");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AWalletsConfirmedNftsAreListedNewestFirst()
    {
        var older = await _db.NftAsync(_wallet, _science, mintedAgo: "3 days");
        var newer = await _db.NftAsync(_wallet, _history, mintedAgo: "1 day");
        await _db.NftAsync(_wallet, _science, status: "burned", mintedAgo: "2 days");
        await _db.NftAsync(TestRows.StakeKey(), _science);

        var nfts = await _store.ListAsync(_wallet);

        Assert.Equal([newer, older], nfts.Select(n => n.AssetFingerprint));
        Assert.All(nfts, n => Assert.Equal((_wallet, NftStatus.Confirmed, NftSource.Mint, NftTier.Category), (n.StakeKey, n.Status, n.Source, n.Tier)));
    }

    [Fact]
    public async Task NftsAreFilteredByCategoryTierAndStatus()
    {
        var science = await _db.NftAsync(_wallet, _science);
        var ultimate = await _db.NftAsync(_wallet, _science, tier: "ultimate");
        var master = await _db.NftAsync(_wallet, null, tier: "master");
        var burned = await _db.NftAsync(_wallet, _history, status: "burned");

        Assert.Equal(new[] { science, ultimate }.Order(), (await _store.ListAsync(_wallet, new() { CategoryId = _science })).Select(n => n.AssetFingerprint).Order());
        Assert.Equal([master], (await _store.ListAsync(_wallet, new() { Tier = NftTier.Master })).Select(n => n.AssetFingerprint));
        Assert.Equal([burned], (await _store.ListAsync(_wallet, new() { Status = NftStatus.Burned })).Select(n => n.AssetFingerprint));
        Assert.Equal(4, (await _store.ListAsync(_wallet, new() { Status = null })).Count);
        Assert.NotNull((await _store.ListAsync(_wallet, new() { Status = NftStatus.Burned })).Single().BurnedAt);
    }

    [Fact]
    public async Task PagesCoverTheCollectionOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            await _db.NftAsync(_wallet, _science, mintedAgo: $"{i + 1} hours");
        }

        var first = await _store.ListAsync(_wallet, new() { Limit = 4 });
        var second = await _store.ListAsync(_wallet, new() { Offset = 4, Limit = 4 });

        Assert.Equal((4, 3), (first.Count, second.Count));
        Assert.Equal(7, first.Concat(second).Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public async Task AnNftIsFoundByItsFingerprint()
    {
        var fingerprint = await _db.NftAsync(_wallet, _science);

        var nft = await _store.GetAsync(fingerprint);

        Assert.Equal((_wallet, _science, "{}"), (nft.StakeKey, nft.CategoryId, nft.Metadata));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.GetAsync(TestRows.Fingerprint()));
    }

    [Fact]
    public async Task MalformedRequestsAreValidationErrors()
    {
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync("stake1short"));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { Limit = 11 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { Limit = 0 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { Offset = -1 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { Tier = (NftTier)9 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { Status = (NftStatus)9 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ListAsync(_wallet, new() { CategoryId = Guid.Empty }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetAsync("asset1UPPERCASE0000000000000000000000000000"));
    }
}
