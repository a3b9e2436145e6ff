using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Seasons;
using TriviaNft.Data.Postgres.Sessions;

namespace TriviaNft.Data.Postgres;

/// <summary>Registers every PostgreSQL store: one line per aggregate.</summary>
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
        return services;
    }
}
