using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Data.Postgres.Seasons;
using TriviaNft.Data.Postgres.Sessions;

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
        // Defaults for hosts that bind nothing; AddTriviaNftData(IHostApplicationBuilder) binds GameRules first.
        services.TryAddSingleton(GameRules.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICategoryStore, PostgresCategoryStore>();
        services.AddSingleton<IPlayerStore, PostgresPlayerStore>();
        services.AddSingleton<IQuestionStore, PostgresQuestionStore>();
        services.AddSingleton<IQuestionFlagStore, PostgresQuestionFlagStore>();
        services.AddSingleton<ISessionStore, PostgresSessionStore>();
        services.AddSingleton<ISeasonStore, PostgresSeasonStore>();
        services.AddSingleton<IEligibilityStore, PostgresEligibilityStore>();
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
