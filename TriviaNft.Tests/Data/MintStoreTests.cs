using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class MintStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private MigratedDatabase _db = null!;
    private PostgresMintStore _store = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresMintStore(_db.Data);
        _science = await _db.CategoryAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task APendingMintHoldsACatalogItemWhileStockAndEligibilityStayUnspent()
    {
        var items = await _db.CatalogAsync(_science, "category", 1);
        var stakeKey = TestRows.StakeKey();
        var player = await _db.PlayerAsync(stakeKey);
        var eligibility = await _db.EligibilityAsync(player, _science);

        var mint = await _store.CreatePendingAsync(eligibility, player);

        Assert.Equal((MintStatus.Pending, items[0], stakeKey, player, eligibility), (mint.Status, mint.CatalogId, mint.StakeKey, mint.PlayerId, mint.EligibilityId));
        Assert.StartsWith("Qm", mint.IpfsCid);
        Assert.False(await _db.ScalarAsync<bool>("SELECT is_minted FROM nft_catalog WHERE id = $1", items[0]));
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", eligibility));
        Assert.Equal(mint, await _store.GetAsync(mint.Id));
    }

    [Fact]
    public async Task TwentyConcurrentConsumersOfOneEligibilityMakeExactlyOneMint()
    {
        await _db.CatalogAsync(_science, "category", 25);
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        var eligibility = await _db.EligibilityAsync(player, _science);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Capture(() => _store.CreatePendingAsync(eligibility, player))))
            .WaitAsync(Timeout);

        Assert.Single(attempts, a => a.Mint is not null);
        Assert.All(attempts.Where(a => a.Mint is null), a => Assert.Equal(MintRules.EligibilityHasMint, Assert.IsType<DataConflictException>(a.Error).Rule));
        Assert.Equal(1L, await _db.CountAsync("mints"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM mints WHERE eligibility_id = $1 AND status = 'pending'", eligibility));
    }

    [Fact]
    public async Task TwentyConcurrentReservationsTakeTwentyDistinctCatalogItems()
    {
        await _db.CatalogAsync(_science, "category", 20);
        var requests = new List<(Guid Eligibility, Guid Player)>();
        for (var i = 0; i < 20; i++)
        {
            var player = await _db.PlayerAsync(TestRows.StakeKey());
            requests.Add((await _db.EligibilityAsync(player, _science), player));
        }

        var mints = await Task.WhenAll(requests.Select(r => _store.CreatePendingAsync(r.Eligibility, r.Player))).WaitAsync(Timeout);

        Assert.Equal(20, mints.Select(m => m.CatalogId).Distinct().Count());
        Assert.Equal(20L, await _db.ScalarAsync<long>("SELECT count(DISTINCT catalog_id) FROM mints WHERE status = 'pending'"));
        var lastOne = await _db.PlayerAsync(TestRows.StakeKey());
        var lastEligibility = await _db.EligibilityAsync(lastOne, _science);
        var outOfStock = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreatePendingAsync(lastEligibility, lastOne));
        Assert.Equal(MintRules.OutOfStock, outOfStock.Rule);
    }

    [Fact]
    public async Task AMasterEligibilityMintsFromTheMasterStock()
    {
        var items = await _db.CatalogAsync(null, "master", 1);
        await _db.CatalogAsync(_science, "category", 1);
        var player = await _db.PlayerAsync(TestRows.StakeKey());

        var mint = await _store.CreatePendingAsync(await _db.EligibilityAsync(player, null, type: "master"), player);

        Assert.Equal(items[0], mint.CatalogId);
    }

    [Fact]
    public async Task AnEligibilityThatIsNotUsableRightNowCannotMint()
    {
        await _db.CatalogAsync(_science, "category", 5);
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        var expired = await _db.EligibilityAsync(player, _science, expiresIn: "-1 minute");
        var used = await _db.EligibilityAsync(player, await _db.CategoryAsync("history"), status: "used");
        var other = await _db.PlayerAsync(TestRows.StakeKey());
        var guest = await _db.PlayerAsync(null, anonId: "guest-" + TestRows.Username());
        var guestsEligibility = await _db.EligibilityAsync(guest, _science);

        Assert.Equal(MintRules.EligibilityExpired, (await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreatePendingAsync(expired, player))).Rule);
        Assert.Equal(MintRules.EligibilityNotActive, (await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreatePendingAsync(used, player))).Rule);
        Assert.Equal(MintRules.EligibilityNotOwned, (await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreatePendingAsync(expired, other))).Rule);
        Assert.Equal(MintRules.WalletRequired, (await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreatePendingAsync(guestsEligibility, guest))).Rule);
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.CreatePendingAsync(Guid.NewGuid(), player));
    }

    [Fact]
    public async Task MalformedRequestsAreValidationErrorsThatWriteNothing()
    {
        var mint = await PendingMintAsync();
        var good = Confirmation();

        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreatePendingAsync(Guid.Empty, mint.PlayerId));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreatePendingAsync(mint.EligibilityId, Guid.Empty));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(Guid.Empty, good));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(mint.Id, good with { TxHash = "ABC" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(mint.Id, good with { PolicyId = good.TxHash }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(mint.Id, good with { AssetFingerprint = "asset1short" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(mint.Id, good with { TokenName = new string('x', 65) }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(mint.Id, good with { Metadata = "[1, 2]" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.FailAsync(mint.Id, " "));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.FailAsync(Guid.Empty, "boom"));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetAsync(Guid.Empty));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.ConfirmAsync(Guid.NewGuid(), good));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.FailAsync(Guid.NewGuid(), "boom"));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetAsync(Guid.NewGuid()));
        Assert.Equal(MintStatus.Pending, (await _store.GetAsync(mint.Id)).Status);
    }

    internal static MintConfirmation Confirmation() => new()
    {
        TxHash = TestRows.TxHash(), PolicyId = TestRows.PolicyId(), AssetFingerprint = TestRows.Fingerprint(), TokenName = "TriviaScience0001",
    };

    internal async Task<Mint> PendingMintAsync(string? stakeKey = null)
    {
        await _db.CatalogAsync(_science, "category", 1);
        var player = await _db.PlayerAsync(stakeKey ?? TestRows.StakeKey());
        return await _store.CreatePendingAsync(await _db.EligibilityAsync(player, _science), player);
    }

    private static async Task<(Mint? Mint, Exception? Error)> Capture(Func<Task<Mint>> act)
    {
        try
        {
            return (await act(), null);
        }
        catch (TriviaNftDataException error)
        {
            return (null, error);
        }
    }
}
