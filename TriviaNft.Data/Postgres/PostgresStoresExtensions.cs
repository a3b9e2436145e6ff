using Microsoft.Extensions.DependencyInjection;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;

namespace TriviaNft.Data.Postgres;

/// <summary>Registers every PostgreSQL store: one line per aggregate.</summary>
internal static class PostgresStoresExtensions
{
    public static IServiceCollection AddTriviaNftStores(this IServiceCollection services)
    {
        services.AddSingleton<ICategoryStore, PostgresCategoryStore>();
        services.AddSingleton<IPlayerStore, PostgresPlayerStore>();
        services.AddSingleton<IQuestionStore, PostgresQuestionStore>();
        services.AddSingleton<IQuestionFlagStore, PostgresQuestionFlagStore>();
        return services;
    }
}
