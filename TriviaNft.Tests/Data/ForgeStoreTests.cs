using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Creating forges: the rules of design.md §9 and the guard against reusing inputs.</summary>
[Collection(ServersCollection.Name)]
public sealed class ForgeStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _wallet = TestRows.StakeKey();
    private MigratedDatabase _db = null!;
    private PostgresForgeStore _store = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresForgeStore(_db.Data);
        _science = await _db.CategoryAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TenNftsOfOneCategoryMakeAPendingCategoryForge()
    {
        var inputs = await NftsAsync(_science, 10);

        var forge = await _store.CreateAsync(CategoryForge(inputs));

        Assert.Equal((ForgeType.Category, ForgeStatus.Pending, _wallet, _science), (forge.Type, forge.Status, forge.StakeKey, forge.CategoryId));
        Assert.Equal(inputs, forge.InputFingerprints);
        Assert.Equivalent(forge, await _store.GetAsync(forge.Id), strict: true);
        Assert.Equal(10L, await _db.ScalarAsync<long>("SELECT count(*) FROM player_nfts WHERE status = 'confirmed'"));
    }

    [Fact]
    public async Task ACategoryForgeBreakingARuleIsRejectedNamingTheRule()
    {
        var inputs = await NftsAsync(_science, 10);
        var history = await NftsAsync(await _db.CategoryAsync("history"), 1);
        var foreign = await _db.NftAsync(TestRows.StakeKey(), _science);
        var burned = await _db.NftAsync(_wallet, _science, status: "burned");
        var ultimate = await _db.NftAsync(_wallet, _science, tier: "ultimate");

        await AssertRuleAsync(ForgeRules.InputCount, CategoryForge(inputs[..9]));
        await AssertRuleAsync(ForgeRules.DuplicateInput, CategoryForge([.. inputs[..9], inputs[0]]));
        await AssertRuleAsync(ForgeRules.CategoryMismatch, CategoryForge([.. inputs[..9], history[0]]));
        await AssertRuleAsync(ForgeRules.InputNotOwned, CategoryForge([.. inputs[..9], foreign]));
        await AssertRuleAsync(ForgeRules.InputNotConfirmed, CategoryForge([.. inputs[..9], burned]));
        await AssertRuleAsync(ForgeRules.InputTier, CategoryForge([.. inputs[..9], ultimate]));
        await AssertRuleAsync(ForgeRules.InputNotFound, CategoryForge([.. inputs[..9], TestRows.Fingerprint()]));
        await AssertRuleAsync(ForgeRules.TypeFields, CategoryForge(inputs) with { CategoryId = null });
        await AssertRuleAsync(ForgeRules.TypeFields, CategoryForge(inputs) with { SeasonId = "winter-s1" });
    }

    [Fact]
    public async Task AnInputOfAPendingForgeCannotJoinAnotherUntilThatOneFails()
    {
        var inputs = await NftsAsync(_science, 11);
        var pending = await _store.CreateAsync(CategoryForge(inputs[..10]));

        var error = await _db.ThrowsWithoutWritingAsync<DataConflictException>(() => _store.CreateAsync(CategoryForge(inputs[1..])));
        await _store.FailAsync(pending.Id, "wallet declined");
        var second = await _store.CreateAsync(CategoryForge(inputs[1..]));

        Assert.Equal(ForgeRules.InputInPendingForge, error.Rule);
        Assert.Equal(ForgeStatus.Pending, second.Status);
    }

    [Fact]
    public async Task ConcurrentForgesOverOverlappingInputsCreateExactlyOne()
    {
        var inputs = await NftsAsync(_science, 19);
        var requests = Enumerable.Range(0, 10).Select(i => CategoryForge([.. inputs.Skip(i).Take(10)]));

        var results = await Task.WhenAll(requests.Select(async r =>
        {
            try
            {
                return (Forge: (ForgeOperation?)await _store.CreateAsync(r), Error: (Exception?)null);
            }
            catch (DataConflictException error)
            {
                return (Forge: (ForgeOperation?)null, Error: (Exception?)error);
            }
        })).WaitAsync(Timeout);

        Assert.Single(results, r => r.Forge is not null);
        Assert.Equal(1L, await _db.CountAsync("forge_operations"));
    }

    [Fact]
    public async Task MalformedRequestsAreValidationErrorsThatWriteNothing()
    {
        var inputs = await NftsAsync(_science, 10);
        var good = CategoryForge(inputs);

        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(good with { StakeKey = "stake1tooshort" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(good with { Type = (ForgeType)7 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(good with { InputFingerprints = [.. inputs[..9], "asset1nope"] }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(good with { InputFingerprints = [] }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(
            new ForgeRequest { Type = ForgeType.Season, StakeKey = _wallet, SeasonId = "Not A Season", InputFingerprints = inputs }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetAsync(Guid.Empty));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetAsync(Guid.NewGuid()));
    }

    private ForgeRequest CategoryForge(IReadOnlyList<string> inputs) =>
        new() { Type = ForgeType.Category, StakeKey = _wallet, CategoryId = _science, InputFingerprints = inputs };

    private async Task<string[]> NftsAsync(Guid category, int count)
    {
        var fingerprints = new string[count];
        for (var i = 0; i < count; i++)
        {
            fingerprints[i] = await _db.NftAsync(_wallet, category);
        }

        return fingerprints;
    }

    private async Task AssertRuleAsync(string rule, ForgeRequest request)
    {
        var error = await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(request));
        Assert.Equal(rule, error.Rule);
    }
}
