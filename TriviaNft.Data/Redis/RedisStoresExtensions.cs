using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TriviaNft.Data.Game;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Privacy;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Redis;

/// <summary>Registers every Redis store over the process's one <see cref="IConnectionMultiplexer"/>: one line per concern.</summary>
internal static class RedisStoresExtensions
{
    public static IServiceCollection AddTriviaNftRedisStores(this IServiceCollection services, RedisGameStateOptions options)
    {
        services.AddSingleton(options.EnsureValid());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IActiveSessionStore>(sp => new RedisActiveSessionStore(Redis(sp), Options(sp), Clock(sp)));
        services.AddSingleton<ISessionLockStore>(sp => new RedisSessionLockStore(Redis(sp), Clock(sp)));
        services.AddSingleton<IDailyLimitStore>(sp => new RedisDailyLimitStore(Redis(sp), Options(sp), Clock(sp)));
        services.AddSingleton<ICooldownStore>(sp => new RedisCooldownStore(Redis(sp), Clock(sp)));
        services.AddSingleton<ISeenQuestionStore>(sp => new RedisSeenQuestionStore(Redis(sp), Options(sp), Clock(sp)));
        services.AddSingleton<ILeaderboardStore>(sp => new RedisLeaderboardStore(Redis(sp)));
        services.AddSingleton<ILeaderboardRebuilder>(sp => new RedisLeaderboardRebuilder(Redis(sp), sp.GetRequiredService<TriviaNftDatabase>(), Options(sp)));
        services.AddSingleton<IPlayerCacheEraser>(sp => new RedisPlayerCacheEraser(Redis(sp), Options(sp), Clock(sp)));
        // The game-session façade spans both stores; it needs the PostgreSQL ones registered too.
        services.AddSingleton<IGameSessions>(sp => new GameSessions(
            sp.GetRequiredService<IPlayerStore>(), sp.GetRequiredService<IQuestionStore>(), sp.GetRequiredService<ISessionStore>(),
            sp.GetRequiredService<IActiveSessionStore>(), sp.GetRequiredService<ISeenQuestionStore>(),
            sp.GetRequiredService<ILeaderboardRebuilder>(), Options(sp), Clock(sp), sp.GetService<ILogger<GameSessions>>()));
        return services;

        static IConnectionMultiplexer Redis(IServiceProvider sp) => sp.GetRequiredService<IConnectionMultiplexer>();
        static RedisGameStateOptions Options(IServiceProvider sp) => sp.GetRequiredService<RedisGameStateOptions>();
        static TimeProvider Clock(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();
    }
}
