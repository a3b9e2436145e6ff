using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>The end of a forge: confirmed (inputs burned exactly once, output recorded) or failed (inputs free).</summary>
[Collection(ServersCollection.Name)]
public sealed class ForgeConfirmationTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _wallet = TestRows.StakeKey();
    private MigratedDatabase _db = null!;
    private PostgresForgeStore _store = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresForgeStore(_db.Data, new ForgingOptions { CategoryInputs = 3 });
        _science = await _db.CategoryAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ConfirmingBurnsEveryInputAndRecordsTheUltimate()
    {
        var forge = await PendingForgeAsync();
        var confirmation = Confirmation();

        var confirmed = await _store.ConfirmAsync(forge.Id, confirmation);

        Assert.Equal((ForgeStatus.Confirmed, confirmation.BurnTxHash, confirmation.OutputAssetFingerprint),
            (confirmed.Status, confirmed.BurnTxHash, confirmed.OutputAssetFingerprint));
        Assert.NotNull(confirmed.ConfirmedAt);
        Assert.Equal(3L, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM player_nfts WHERE asset_fingerprint = ANY($1) AND status = 'burned' AND burned_at IS NOT NULL", (object)forge.InputFingerprints.ToArray()));
        Assert.Equal($"{_wallet}|forge|ultimate|{_science}|confirmed|{confirmation.OutputTokenName}|winter-s1|gold", await _db.ScalarAsync<string>("""
            SELECT concat_ws('|', stake_key, source, tier, category_id, status, token_name, season_id, metadata->>'frame')
            FROM player_nfts WHERE asset_fingerprint = $1
            """, confirmation.OutputAssetFingerprint));
    }

    [Fact]
    public async Task ConcurrentConfirmationsBurnEachInputOnce()
    {
        var forge = await PendingForgeAsync();
        var confirmation = Confirmation();
        var burnedBefore = await BurnTimesAsync(forge);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _store.ConfirmAsync(forge.Id, confirmation))).WaitAsync(Timeout);

        Assert.All(results, r => Assert.Equal(ForgeStatus.Confirmed, r.Status));
        Assert.Single(results.Select(r => r.ConfirmedAt).Distinct());
        Assert.Empty(burnedBefore);
        Assert.Equal(3, (await BurnTimesAsync(forge)).Length);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM player_nfts WHERE source = 'forge'"));
        Assert.Equal(4L, await _db.CountAsync("player_nfts"));
    }

    [Fact]
    public async Task ConfirmingAgainWithTheSameDetailsChangesNothingAndWithOtherDetailsConflicts()
    {
        var forge = await PendingForgeAsync();
        var confirmation = Confirmation();
        await _store.ConfirmAsync(forge.Id, confirmation);
        var burned = await BurnTimesAsync(forge);

        var again = await _db.WritesNothingAsync(() => _store.ConfirmAsync(forge.Id, confirmation));
        var other = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(forge.Id, Confirmation()));

        Assert.Equal(ForgeStatus.Confirmed, again.Status);
        Assert.Equal(ForgeRules.AlreadyConfirmed, other.Rule);
        Assert.Equal(burned, await BurnTimesAsync(forge));
    }

    [Fact]
    public async Task AnInputBurnedWhileTheForgeWasPendingRollsTheConfirmationBack()
    {
        var forge = await PendingForgeAsync();
        await _db.ExecuteAsync("UPDATE player_nfts SET status = 'burned', burned_at = now() WHERE asset_fingerprint = $1", forge.InputFingerprints[0]);

        var error = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(forge.Id, Confirmation()));

        Assert.Equal(ForgeRules.InputsChanged, error.Rule);
        Assert.Equal(ForgeStatus.Pending, (await _store.GetAsync(forge.Id)).Status);
        Assert.Single(await BurnTimesAsync(forge));
    }

    [Fact]
    public async Task FailingLeavesTheInputsUnburnedAndFailedOrConfirmedForgesKeepTheirState()
    {
        var forge = await PendingForgeAsync();

        var failed = await _store.FailAsync(forge.Id, "burn transaction rejected");
        var failedAgain = await _db.WritesNothingAsync(() => _store.FailAsync(forge.Id, "again"));
        var confirmFailed = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.ConfirmAsync(forge.Id, Confirmation()));
        var next = await PendingForgeAsync();
        await _store.ConfirmAsync(next.Id, Confirmation());
        var failConfirmed = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.FailAsync(next.Id, "late"));

        Assert.Equal((ForgeStatus.Failed, "burn transaction rejected"), (failed.Status, failed.Error));
        Assert.Equal("burn transaction rejected", failedAgain.Error);
        Assert.Empty(await BurnTimesAsync(forge));
        Assert.Equal(ForgeRules.AlreadyFailed, confirmFailed.Rule);
        Assert.Equal(ForgeRules.AlreadyConfirmed, failConfirmed.Rule);
    }

    [Fact]
    public async Task MalformedRequestsAreValidationErrorsThatWriteNothing()
    {
        var forge = await PendingForgeAsync();
        var good = Confirmation();

        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(Guid.Empty, good));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { BurnTxHash = "xyz" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { MintTxHash = good.MintTxHash.ToUpperInvariant() }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { OutputAssetFingerprint = "asset2" + new string('a', 38) }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { OutputPolicyId = "00" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { OutputTokenName = "" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.ConfirmAsync(forge.Id, good with { Metadata = "not json" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.FailAsync(forge.Id, new string('x', 2001)));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.FailAsync(Guid.Empty, "boom"));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.ConfirmAsync(Guid.NewGuid(), good));
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.FailAsync(Guid.NewGuid(), "boom"));
        Assert.Equal(ForgeStatus.Pending, (await _store.GetAsync(forge.Id)).Status);
    }

    private static ForgeConfirmation Confirmation() => new()
    {
        BurnTxHash = TestRows.TxHash(), MintTxHash = TestRows.TxHash(), OutputAssetFingerprint = TestRows.Fingerprint(),
        OutputPolicyId = TestRows.PolicyId(), OutputTokenName = "ScienceUltimate01", Metadata = """{"frame": "gold"}""",
    };

    private async Task<ForgeOperation> PendingForgeAsync()
    {
        var inputs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            inputs.Add(await _db.NftAsync(_wallet, _science));
        }

        return await _store.CreateAsync(new ForgeRequest { Type = ForgeType.Category, StakeKey = _wallet, CategoryId = _science, InputFingerprints = inputs });
    }

    private async Task<DateTime[]> BurnTimesAsync(ForgeOperation forge) =>
        await _db.ScalarAsync<DateTime[]>(
            "SELECT coalesce(array_agg(burned_at ORDER BY asset_fingerprint), '{}') FROM player_nfts WHERE asset_fingerprint = ANY($1) AND burned_at IS NOT NULL",
            (object)forge.InputFingerprints.ToArray());
}
