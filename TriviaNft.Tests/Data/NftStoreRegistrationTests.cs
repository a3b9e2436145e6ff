using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriviaNft.Data;
using TriviaNft.Data.Postgres;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Postgres.SeasonPoints;

namespace TriviaNft.Tests.Data;

public sealed class NftStoreRegistrationTests
{
    [Fact]
    public async Task EveryNftStoreResolvesWithDefaultOptionsOrTheOnesAHostRegisters()
    {
        var database = TriviaNftDataSources.FromConnectionStrings("Host=127.0.0.1;Database=unused;Username=u;Password=p");
        await using var withDefaults = new ServiceCollection().AddTriviaNftData(database).BuildServiceProvider();
        await using var configured = new ServiceCollection()
            .AddSingleton(new PagingOptions { MaxPageSize = 0 })
            .AddTriviaNftData(database).BuildServiceProvider();

        Assert.IsType<PostgresNftCatalogStore>(withDefaults.GetRequiredService<INftCatalogStore>());
        Assert.IsType<PostgresMintStore>(withDefaults.GetRequiredService<IMintStore>());
        Assert.IsType<PostgresPlayerNftStore>(withDefaults.GetRequiredService<IPlayerNftStore>());
        Assert.IsType<PostgresForgeStore>(withDefaults.GetRequiredService<IForgeStore>());
        Assert.IsType<PostgresSeasonPointsStore>(withDefaults.GetRequiredService<ISeasonPointsStore>());
        Assert.IsType<PostgresLeaderboardSnapshotStore>(withDefaults.GetRequiredService<ILeaderboardSnapshotStore>());
        Assert.IsType<PostgresPrivacyStore>(withDefaults.GetRequiredService<IPrivacyStore>());
        // The registered (invalid) options reach the constructor, which refuses them.
        Assert.Throws<ArgumentOutOfRangeException>(() => configured.GetRequiredService<ISeasonPointsStore>());
        await database.Writer.DisposeAsync();
    }
}
