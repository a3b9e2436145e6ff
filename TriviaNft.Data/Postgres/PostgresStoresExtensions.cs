using Microsoft.Extensions.DependencyInjection;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Postgres.SeasonPoints;

namespace TriviaNft.Data.Postgres;

/// <summary>Registers every PostgreSQL store: one line per aggregate.</summary>
/// <remarks>
/// Options records (<see cref="MintOptions"/>, <see cref="ForgingOptions"/>, <see cref="PagingOptions"/>,
/// <see cref="PrivacyOptions"/>) and <see cref="TimeProvider"/> are optional constructor parameters: a host that
/// registers one gets it injected, otherwise the store uses the defaults.
/// </remarks>
internal static class PostgresStoresExtensions
{
    public static IServiceCollection AddTriviaNftStores(this IServiceCollection services)
    {
        services.AddSingleton<ICategoryStore, PostgresCategoryStore>();
        services.AddSingleton<INftCatalogStore, PostgresNftCatalogStore>();
        services.AddSingleton<IMintStore, PostgresMintStore>();
        services.AddSingleton<IPlayerNftStore, PostgresPlayerNftStore>();
        services.AddSingleton<IForgeStore, PostgresForgeStore>();
        services.AddSingleton<ISeasonPointsStore, PostgresSeasonPointsStore>();
        services.AddSingleton<ILeaderboardSnapshotStore, PostgresLeaderboardSnapshotStore>();
        services.AddSingleton<IPrivacyStore, PostgresPrivacyStore>();
        return services;
    }
}
