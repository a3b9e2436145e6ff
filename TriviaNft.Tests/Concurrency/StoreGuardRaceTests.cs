using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Concurrency;

/// <summary>
/// 100 callers at once on the PostgreSQL guards that spend something once: an eligibility, a catalog item, a
/// forge's input NFTs. Each race goes through PgBouncer in transaction mode, as the game's services do.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class StoreGuardRaceTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Callers = 100;
    private MigratedDatabase _db = null!;
    private Guid _science;
    private int _retries;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _science = await _db.CategoryAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task OneHundredConsumersOfOneEligibilitySpendItOnce()
    {
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        var eligibility = await _db.EligibilityAsync(player, _science);
        var store = new PostgresEligibilityStore(_db.Data);

        var outcomes = await StartLine.RunAsync(Callers, _ => store.ConsumeAsync(eligibility, player));
        output.WriteLine(StartLine.Tally(outcomes, e => $"consumed ({e.Status})"));

        StartLine.AssertOnlyFailures(outcomes, e => e is DataConflictException { Rule: "eligibility.already-used" });
        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal(EligibilityStatus.Used, outcomes.Single(o => o.Succeeded).Value!.Status);
        Assert.Equal("used", await _db.ScalarAsync<string>("SELECT status FROM eligibilities WHERE id = $1", eligibility));
        Assert.Equal(1L, await _db.CountAsync("eligibilities"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public async Task OneHundredMintersOfNCatalogItemsReserveEachItemOnce(int items)
    {
        await _db.CatalogAsync(_science, "category", items);
        var minters = new List<(Guid Player, Guid Eligibility)>();
        for (var i = 0; i < Callers; i++)
        {
            var player = await _db.PlayerAsync(TestRows.StakeKey());
            minters.Add((player, await _db.EligibilityAsync(player, _science)));
        }

        var store = new PostgresMintStore(_db.Data);
        var outcomes = await StartLine.RunAsync(Callers, i => CreateRetryingAsync(store, minters[i].Eligibility, minters[i].Player));
        output.WriteLine($"{items} items: {StartLine.Tally(outcomes, _ => "pending mint")}; {_retries} DataConcurrencyException retries");

        StartLine.AssertOnlyFailures(outcomes, e => e is DataConflictException { Rule: MintRules.OutOfStock });
        var mints = outcomes.Where(o => o.Succeeded).Select(o => o.Value!).ToList();
        Assert.Equal(items, mints.Count);
        Assert.Equal(items, mints.Select(m => m.CatalogId).Distinct().Count());
        Assert.Equal((long)items, await _db.CountAsync("mints"));
        Assert.Equal((long)items, await _db.ScalarAsync<long>("SELECT count(DISTINCT catalog_id) FROM mints WHERE status = 'pending'"));
        Assert.Equal((long)Callers, await _db.ScalarAsync<long>("SELECT count(*) FROM eligibilities WHERE status = 'active'"));
    }

    [Fact]
    public async Task OneHundredForgesOfTheSameNftsCreateOneAndBurnTheInputsOnce()
    {
        var wallet = TestRows.StakeKey();
        var inputs = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            inputs.Add(await _db.NftAsync(wallet, _science));
        }

        var store = new PostgresForgeStore(_db.Data);
        var request = new ForgeRequest { Type = ForgeType.Category, StakeKey = wallet, CategoryId = _science, InputFingerprints = inputs };

        var creates = await StartLine.RunAsync(Callers, _ => store.CreateAsync(request));
        // Every confirmation names other chain details, so only one can be the forge's.
        var confirms = await StartLine.RunAsync(Callers, _ => store.ConfirmAsync(creates.Single(c => c.Succeeded).Value!.Id, Confirmation()));

        output.WriteLine($"create: {StartLine.Tally(creates, f => $"forge {f.Status}")}; confirm: {StartLine.Tally(confirms, f => $"forge {f.Status}")}");
        StartLine.AssertOnlyFailures(creates, e => e is DataConflictException { Rule: ForgeRules.InputInPendingForge });
        Assert.Single(creates, o => o.Succeeded);
        StartLine.AssertOnlyFailures(confirms, e => e is DataConflictException { Rule: ForgeRules.AlreadyConfirmed });
        var confirmed = Assert.Single(confirms, o => o.Succeeded).Value!;
        Assert.Equal(1L, await _db.CountAsync("forge_operations"));
        Assert.Equal(10L, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM player_nfts WHERE asset_fingerprint = ANY($1) AND status = 'burned' AND burned_at IS NOT NULL", (object)inputs.ToArray()));
        Assert.Equal(11L, await _db.CountAsync("player_nfts"));
        Assert.Equal(confirmed.OutputAssetFingerprint, await _db.ScalarAsync<string>("SELECT asset_fingerprint FROM player_nfts WHERE source = 'forge'"));
    }

    // A DataConcurrencyException says "retry later" (data-access.md): the caller does, as a handler would.
    private async Task<Mint> CreateRetryingAsync(PostgresMintStore store, Guid eligibility, Guid player)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.CreatePendingAsync(eligibility, player);
            }
            catch (DataConcurrencyException) when (attempt < 5)
            {
                Interlocked.Increment(ref _retries);
                // Retried at once: the collision was with a mint that has committed by now.
            }
        }
    }

    private static ForgeConfirmation Confirmation() => new()
    {
        BurnTxHash = TestRows.TxHash(),
        MintTxHash = TestRows.TxHash(),
        OutputAssetFingerprint = TestRows.Fingerprint(),
        OutputPolicyId = TestRows.PolicyId(),
        OutputTokenName = "ScienceUltimate" + TestRows.Random("0123456789", 4),
    };
}
