using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using TriviaNft.Data;
using TriviaNft.Data.Configuration;
using TriviaNft.Data.Postgres;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Composition of the data layer, one call per host (style.md: one composition extension per library).</summary>
public static class TriviaNftDataExtensions
{
    /// <summary>
    /// Registers the pooled data sources for <c>trivia-db</c> and (keyed) <c>trivia-db-reader</c> through
    /// Aspire.Npgsql — health checks, traces and metrics included — with the proxy rules of design.md §4,
    /// the <see cref="GameRules"/> bound from <c>TriviaNft:GameRules</c> (defaults for what is not set; invalid numbers
    /// fail at start-up), the store options from <c>TriviaNft:Mints</c>, <c>:Forging</c>, <c>:Paging</c> and
    /// <c>:Privacy</c> when configured, the one Redis multiplexer of <c>trivia-cache</c> through
    /// Aspire.StackExchange.Redis (health check and tracing), the game state options of section
    /// <c>TriviaNft:GameState</c>, and every store.
    /// </summary>
    public static IHostApplicationBuilder AddTriviaNftData(this IHostApplicationBuilder builder)
    {
        var rules = (builder.Configuration.GetSection(GameRules.SectionName).Get<GameRules>() ?? GameRules.Default).EnsureValid();
        builder.Services.AddSingleton(rules);
        // Registered only when configured, so the defaults stay in one place (the records, which the stores
        // check at construction).
        AddIfConfigured(builder, builder.Configuration.GetSection("TriviaNft:Mints").Get<MintOptions>());
        AddIfConfigured(builder, builder.Configuration.GetSection("TriviaNft:Forging").Get<ForgingOptions>());
        AddIfConfigured(builder, builder.Configuration.GetSection("TriviaNft:Paging").Get<PagingOptions>());
        AddIfConfigured(builder, builder.Configuration.GetSection("TriviaNft:Privacy").Get<PrivacyOptions>());
        builder.AddNpgsqlDataSource(ResourceNames.TriviaDb, ApplyProxyRules);
        builder.AddKeyedNpgsqlDataSource(ResourceNames.TriviaDbReader, ApplyProxyRules);
        builder.Services.AddSingleton(sp => new TriviaNftDatabase(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredKeyedService<NpgsqlDataSource>(ResourceNames.TriviaDbReader)));
        builder.Services.AddTriviaNftStores();
        // The health check asks each cluster node CLUSTER INFO, which StackExchange.Redis only sends in admin mode.
        builder.AddRedisClient(ResourceNames.Cache, configureOptions: options => options.AllowAdmin = true);
        builder.Services.AddTriviaNftRedisStores(
            (builder.Configuration.GetSection(RedisGameStateOptions.SectionName).Get<RedisGameStateOptions>() ?? RedisGameStateOptions.Default)
                .AlignedWith(rules));
        return builder;
    }

    /// <summary>
    /// For code Aspire does not start (a Lambda, a script): registers <paramref name="database"/>, the game rules
    /// (<paramref name="rules"/>, or the defaults) and every store. Build the database with <see cref="TriviaNftDataSources"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A number of <paramref name="rules"/> is out of its range.</exception>
    public static IServiceCollection AddTriviaNftData(this IServiceCollection services, TriviaNftDatabase database, GameRules? rules = null)
    {
        services.AddSingleton(database);
        services.AddSingleton((rules ?? GameRules.Default).EnsureValid());
        services.AddTriviaNftStores();
        return services;
    }

    /// <summary>
    /// For code Aspire does not start: registers <paramref name="database"/>, the process's one Redis
    /// <paramref name="cache"/> (build it with <see cref="TriviaNft.Data.Redis.Connection.TriviaNftRedis"/>), the
    /// game rules and game state options (or their defaults) and every store.
    /// </summary>
    public static IServiceCollection AddTriviaNftData(
        this IServiceCollection services,
        TriviaNftDatabase database,
        IConnectionMultiplexer cache,
        GameRules? rules = null,
        RedisGameStateOptions? gameState = null)
    {
        services.AddTriviaNftData(database, rules);
        services.AddSingleton(cache);
        services.AddTriviaNftRedisStores((gameState ?? RedisGameStateOptions.Default).AlignedWith(rules ?? GameRules.Default));
        return services;
    }

    private static void AddIfConfigured<T>(IHostApplicationBuilder builder, T? options)
        where T : class
    {
        if (options is not null)
        {
            builder.Services.AddSingleton(options);
        }
    }

    private static void ApplyProxyRules(Aspire.Npgsql.NpgsqlSettings settings)
    {
        if (!string.IsNullOrEmpty(settings.ConnectionString))
        {
            settings.ConnectionString = ProxyConnectionSettings.Apply(settings.ConnectionString);
        }
    }
}
