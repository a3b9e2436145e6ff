using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TriviaNft.Data;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Privacy;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class RedisCompositionTests(ServersFixture servers)
{
    [Fact]
    public async Task TheAspirePathRegistersOneHealthCheckedMultiplexerAndEveryStore()
    {
        await using var db = await servers.CreateMigratedDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{ResourceNames.TriviaDb}"] = servers.ProxyConnectionString(db.Name);
        builder.Configuration[$"ConnectionStrings:{ResourceNames.TriviaDbReader}"] = servers.ProxyConnectionString(db.Name);
        builder.Configuration[$"ConnectionStrings:{ResourceNames.Cache}"] = servers.RedisConfiguration;
        builder.Configuration[$"{RedisGameStateOptions.SectionName}:GuestDailyLimit"] = "3";
        builder.Configuration[$"{RedisGameStateOptions.SectionName}:Cooldown"] = "00:00:30";
        builder.Configuration[$"{GameRules.SectionName}:QuestionsPerSession"] = "8";
        builder.Configuration[$"{RedisGameStateOptions.SectionName}:QuestionsPerSession"] = "10";
        builder.AddTriviaNftData();
        using var host = builder.Build();

        var multiplexer = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(multiplexer, host.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.Equal((3, TimeSpan.FromSeconds(30)), (host.Services.GetRequiredService<RedisGameStateOptions>().GuestDailyLimit, host.Services.GetRequiredService<RedisGameStateOptions>().Cooldown));
        // The numbers both sides share come from GameRules alone, whatever the GameState section says.
        Assert.Equal(8, host.Services.GetRequiredService<RedisGameStateOptions>().QuestionsPerSession);
        await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(health.Entries, e => e.Key.Contains("Redis", StringComparison.OrdinalIgnoreCase) && e.Value.Status == HealthStatus.Healthy);
        var started = await host.Services.GetRequiredService<IActiveSessionStore>().StartAsync(TestPlayers.Start());
        Assert.Equal(3, Assert.IsType<SessionStartResult.Started>(started).DailyLimit);
        AssertEveryStoreResolves(host.Services);
    }

    [Fact]
    public async Task ThePlainPathRegistersTheGivenMultiplexerAndEveryStore()
    {
        await using var db = await servers.CreateMigratedDatabaseAsync();
        var multiplexer = await RedisConnections.ForAsync(servers);
        var services = new ServiceCollection().AddTriviaNftData(db.Data, multiplexer);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(multiplexer, provider.GetRequiredService<IConnectionMultiplexer>());
        AssertEveryStoreResolves(provider);
    }

    private static void AssertEveryStoreResolves(IServiceProvider services)
    {
        Assert.NotNull(services.GetRequiredService<IActiveSessionStore>());
        Assert.NotNull(services.GetRequiredService<ISessionLockStore>());
        Assert.NotNull(services.GetRequiredService<IDailyLimitStore>());
        Assert.NotNull(services.GetRequiredService<ICooldownStore>());
        Assert.NotNull(services.GetRequiredService<ISeenQuestionStore>());
        Assert.NotNull(services.GetRequiredService<ILeaderboardStore>());
        Assert.NotNull(services.GetRequiredService<ILeaderboardRebuilder>());
        Assert.NotNull(services.GetRequiredService<IPlayerCacheEraser>());
    }
}
