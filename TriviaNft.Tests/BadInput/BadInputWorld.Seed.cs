using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Data;
using TriviaNft.Tests.Data.Nfts;

namespace TriviaNft.Tests.BadInput;

// The rows and live sessions the corpus refers to, made through the stores where they have a write for it.
internal sealed partial class BadInputWorld
{
    private async Task SeedAsync()
    {
        await GameData.ActiveSeasonAroundNowAsync(Db);
        Science = await Db.CategoryAsync();
        CategoryId = await Db.ScalarAsync<Guid>(
            "INSERT INTO categories (name, slug, display_order) VALUES ($1, $2, 99) RETURNING id", $"Bad {Guid.NewGuid():N}", $"bad-{Guid.NewGuid():N}");
        await Questions.ImportAsync([.. Enumerable.Range(0, 40).Select(n => QuestionStoreTests.Sample(CategoryId, n))]);
        QuestionId = await Db.ScalarAsync<Guid>("SELECT id FROM questions WHERE category_id = $1 LIMIT 1", CategoryId);

        WalletStakeKey = TestRows.StakeKey();
        Wallet = await Db.PlayerAsync(WalletStakeKey);
        Guest = (await Players.GetOrCreateGuestAsync(TestData.AnonId())).Id;
        FlagId = (await Flags.FlagAsync(QuestionId, Guest, "The answer is outdated.")).Id;

        OwnSession = await StartAsync(Wallet);
        ForeignSession = await StartAsync((await Players.GetOrCreateGuestAsync(TestData.AnonId())).Id);
        FinishedSession = await StartAsync((await Players.GetOrCreateGuestAsync(TestData.AnonId())).Id);
        await Game.ForfeitAsync(FinishedSession);

        await Db.CatalogAsync(Science, "category", 2);
        EligibilityId = await Db.EligibilityAsync(Wallet, Science);
        UsedEligibilityId = await Db.EligibilityAsync(Wallet, await Db.CategoryAsync("history"), status: "used");
        ExpiredEligibilityId = await Db.EligibilityAsync(Wallet, await Db.CategoryAsync("geography"), expiresIn: "-1 minute");
        MintId = (await Mints.CreatePendingAsync(EligibilityId, Wallet)).Id;

        var inputs = new List<string>();
        var foreign = new List<string>();
        var otherWallet = TestRows.StakeKey();
        for (var i = 0; i < 10; i++)
        {
            inputs.Add(await Db.NftAsync(WalletStakeKey, Science));
            foreign.Add(await Db.NftAsync(otherWallet, Science));
        }

        ForgeInputs = inputs;
        ForeignNfts = foreign;
        ForgeId = (await Forging.CreateAsync(new ForgeRequest
        {
            Type = ForgeType.Category, StakeKey = WalletStakeKey, CategoryId = Science, InputFingerprints = inputs,
        })).Id;
    }

    private async Task<SessionHandle> StartAsync(Guid playerId) =>
        (await Game.StartAsync(playerId, CategoryId)).Session ?? throw new InvalidOperationException("The world's session did not start.");
}
