using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>The end of a mint's life: confirmed (everything it spends, in one transaction) or failed (everything released).</summary>
[Collection(ServersCollection.Name)]
public sealed class MintConfirmationTests(ServersFixture servers) : IAsyncLifetime
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
    public async Task ConfirmingRecordsTheNftConsumesTheItemUsesTheEligibilityAndCountsTheMint()
    {
        var mint = await PendingMintAsync();
        var confirmation = MintStoreTests.Confirmation();

        var confirmed = await _store.ConfirmAsync(mint.Id, confirmation);

        Assert.Equal((MintStatus.Confirmed, confirmation.TxHash, confirmation.AssetFingerprint), (confirmed.Status, confirmed.TxHash, confirmed.AssetFingerprint));
        Assert.NotNull(confirmed.ConfirmedAt);
        var nft = await _db.ScalarAsync<string>("""
            SELECT concat_ws('|', stake_key, policy_id, token_name, source, category_id, tier, status, season_id, metadata->>'rarity')
            FROM player_nfts WHERE asset_fingerprint = $1
            """, confirmation.AssetFingerprint);
        Assert.Equal($"{mint.StakeKey}|{confirmation.PolicyId}|{confirmation.TokenName}|mint|{_science}|category|confirmed|winter-s1|common", nft);
        Assert.True(await _db.ScalarAsync<bool>("SELECT is_minted AND minted_at IS NOT NULL FROM nft_catalog WHERE id = $1", mint.CatalogId));
        Assert.Equal("used", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1 AND used_at IS NOT NULL", mint.EligibilityId));
        Assert.Equal(1, await NftsMintedAsync(mint.StakeKey));
        Assert.Equal(0, (await new PostgresNftCatalogStore(_db.Data).GetStockAsync(_science, NftTier.Category)).Unminted);
    }

    [Fact]
    public async Task EachConfirmedMintAddsOneToTheWalletsSeasonCount()
    {
        var stakeKey = TestRows.StakeKey();
        await _db.SeasonPointsAsync("winter-s1", stakeKey, points: 40, nftsMinted: 2);
        var player = await _db.PlayerAsync(stakeKey);
        await _db.CatalogAsync(_science, "category", 1);
        await _db.CatalogAsync(null, "master", 1);
        var first = await _store.CreatePendingAsync(await _db.EligibilityAsync(player, _science), player);
        var second = await _store.CreatePendingAsync(await _db.EligibilityAsync(player, null, type: "master"), player);

        await _store.ConfirmAsync(first.Id, MintStoreTests.Confirmation());
        await _store.ConfirmAsync(second.Id, MintStoreTests.Confirmation());

        Assert.Equal(4, await NftsMintedAsync(stakeKey));
        Assert.Equal(40, await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE stake_key = $1", stakeKey));
    }

    [Fact]
    public async Task ConfirmingAgainWithTheSameDetailsChangesNothingAndWithOtherDetailsConflicts()
    {
        var mint = await PendingMintAsync();
        var confirmation = MintStoreTests.Confirmation();
        var confirmed = await _store.ConfirmAsync(mint.Id, confirmation);

        var again = await _db.WritesNothingAsync(() => _store.ConfirmAsync(mint.Id, confirmation));
        var other = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(mint.Id, MintStoreTests.Confirmation()));

        Assert.Equal(confirmed, again);
        Assert.Equal(MintRules.AlreadyConfirmed, other.Rule);
        Assert.Equal(1, await NftsMintedAsync(mint.StakeKey));
    }

    [Fact]
    public async Task ConcurrentConfirmationsOfOneMintRecordItOnce()
    {
        var mint = await PendingMintAsync();
        var confirmation = MintStoreTests.Confirmation();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _store.ConfirmAsync(mint.Id, confirmation))).WaitAsync(Timeout);

        Assert.All(results, r => Assert.Equal(MintStatus.Confirmed, r.Status));
        Assert.Equal(1L, await _db.CountAsync("player_nfts"));
        Assert.Equal(1, await NftsMintedAsync(mint.StakeKey));
    }

    [Fact]
    public async Task AnAssetFingerprintAlreadyRecordedIsAConflictThatWritesNothing()
    {
        var first = await PendingMintAsync();
        var second = await PendingMintAsync();
        var confirmation = MintStoreTests.Confirmation();
        await _store.ConfirmAsync(first.Id, confirmation);

        var error = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(second.Id, confirmation with { TxHash = TestRows.TxHash() }));

        Assert.StartsWith("uq_", error.Rule);
        Assert.Equal(MintStatus.Pending, (await _store.GetAsync(second.Id)).Status);
    }

    [Fact]
    public async Task FailingReleasesTheItemAndARetryResetsTheSameRowWithinTheWindow()
    {
        var mint = await PendingMintAsync();
        var catalog = new PostgresNftCatalogStore(_db.Data);

        var failed = await _store.FailAsync(mint.Id, "submit timed out");

        Assert.Equal((MintStatus.Failed, "submit timed out"), (failed.Status, failed.Error));
        Assert.Equal(1, (await catalog.GetStockAsync(_science, NftTier.Category)).Available);
        Assert.Equal("active", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", mint.EligibilityId));
        Assert.Equal(failed, await _db.WritesNothingAsync(() => _store.FailAsync(mint.Id, "again")));

        var retried = await _store.CreatePendingAsync(mint.EligibilityId, mint.PlayerId);

        Assert.Equal((mint.Id, MintStatus.Pending, (string?)null), (retried.Id, retried.Status, retried.Error));
        Assert.Equal(1L, await _db.CountAsync("mints"));
        Assert.Equal(0, (await catalog.GetStockAsync(_science, NftTier.Category)).Available);
    }

    [Fact]
    public async Task AFailedMintCannotBeConfirmedAndAConfirmedMintCannotFail()
    {
        var failed = await PendingMintAsync();
        await _store.FailAsync(failed.Id, "rejected by the node");
        var confirmed = await PendingMintAsync();
        await _store.ConfirmAsync(confirmed.Id, MintStoreTests.Confirmation());

        var confirmFailed = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(failed.Id, MintStoreTests.Confirmation()));
        var failConfirmed = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.FailAsync(confirmed.Id, "late"));

        Assert.Equal(MintRules.AlreadyFailed, confirmFailed.Rule);
        Assert.Equal(MintRules.AlreadyConfirmed, failConfirmed.Rule);
    }

    [Fact]
    public async Task AFailedMintIsNotRetriedOnceItsEligibilityExpired()
    {
        var mint = await PendingMintAsync();
        await _store.FailAsync(mint.Id, "node down");
        await _db.ExecuteAsync("UPDATE eligibilities SET expires_at = now() - interval '1 second' WHERE id = $1", mint.EligibilityId);

        var error = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreatePendingAsync(mint.EligibilityId, mint.PlayerId));

        Assert.Equal(MintRules.EligibilityExpired, error.Rule);
    }

    private async Task<Mint> PendingMintAsync()
    {
        await _db.CatalogAsync(_science, "category", 1);
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        return await _store.CreatePendingAsync(await _db.EligibilityAsync(player, _science), player);
    }

    private Task<int> NftsMintedAsync(string stakeKey) =>
        _db.ScalarAsync<int>("SELECT nfts_minted FROM season_points WHERE season_id = 'winter-s1' AND stake_key = $1", stakeKey);
}
