using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>The Master and Seasonal Ultimate rules of design.md §9.</summary>
[Collection(ServersCollection.Name)]
public sealed class UltimateForgeRulesTests(ServersFixture servers) : IAsyncLifetime
{
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
    public async Task OneNftFromEachOfTenDifferentCategoriesMakesAMasterForge()
    {
        var tenth = await _db.NewCategoryAsync();
        var categories = (await _db.CategoriesAsync()).Append(tenth).Distinct().ToArray();
        var inputs = new List<string>();
        foreach (var category in categories)
        {
            inputs.Add(await _db.NftAsync(_wallet, category));
        }

        var forge = await _store.CreateAsync(new ForgeRequest { Type = ForgeType.Master, StakeKey = _wallet, InputFingerprints = inputs });
        var twice = new[] { await _db.NftAsync(_wallet, _science), await _db.NftAsync(_wallet, _science) };
        var notDistinct = new ForgeRequest { Type = ForgeType.Master, StakeKey = _wallet, InputFingerprints = [.. inputs[2..], .. twice] };

        Assert.Equal((ForgeType.Master, 10), (forge.Type, forge.InputFingerprints.Count));
        await _store.FailAsync(forge.Id, "released for the next check");
        await AssertRuleAsync(ForgeRules.MasterDistinctCategories, notDistinct);
        await AssertRuleAsync(ForgeRules.TypeFields, notDistinct with { CategoryId = _science });
    }

    [Fact]
    public async Task TwoNftsFromEveryActiveCategoryEarnedInTheSeasonOrItsGraceDaysMakeASeasonForge()
    {
        // Ended 3 days ago with 7 grace days: NFTs minted until 4 more days from now still count.
        var season = await _db.SeasonAsync(startsAgo: "90 days", endsIn: "-3 days", graceDays: 7);
        await _db.ExecuteAsync("UPDATE categories SET is_active = false WHERE slug NOT IN ('science', 'history', 'nature')");
        var inputs = new List<string>();
        foreach (var category in await _db.CategoriesAsync())
        {
            inputs.Add(await _db.NftAsync(_wallet, category, mintedAgo: "1 day"));
            inputs.Add(await _db.NftAsync(_wallet, category, mintedAgo: "80 days"));
        }

        var request = new ForgeRequest { Type = ForgeType.Season, StakeKey = _wallet, SeasonId = season, InputFingerprints = inputs };
        var tooOld = await _db.NftAsync(_wallet, _science, mintedAgo: "91 days");
        var sports = await _db.NftAsync(_wallet, await _db.CategoryAsync("sports"), mintedAgo: "1 day");

        await AssertRuleAsync(ForgeRules.SeasonWindow, request with { InputFingerprints = [.. inputs[1..], tooOld] });
        await AssertRuleAsync(ForgeRules.SeasonCategories, request with { InputFingerprints = [.. inputs[1..], sports] });
        await AssertRuleAsync(ForgeRules.SeasonCategories, request with { InputFingerprints = inputs[2..] });
        await _db.ThrowsWithoutWritingAsync<DataNotFoundException>(() => _store.CreateAsync(request with { SeasonId = "no-such-season" }));
        var forge = await _store.CreateAsync(request);
        Assert.Equal((ForgeType.Season, season, 6), (forge.Type, forge.SeasonId, forge.InputFingerprints.Count));
    }

    private async Task AssertRuleAsync(string rule, ForgeRequest request)
    {
        var error = await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.CreateAsync(request));
        Assert.Equal(rule, error.Rule);
    }
}
