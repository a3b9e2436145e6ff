using System.Globalization;
using StackExchange.Redis;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.Tests;

/// <summary>Redis runs in cluster mode with AUTH, like ElastiCache with cluster mode enabled.</summary>
[Collection(AppHostCollection.Name)]
public sealed class RedisClusterTests(AppHostFixture stack)
{
    [Fact]
    public async Task TheClusterIsOkWithAtLeastThreePrimariesEachWithAReplica()
    {
        // The client's view of the roles is taken when it connects; under load a node may still be settling then.
        var (info, primaries, replicas) = await Poll.UntilAsync(RolesAsync, r => r.Replicas >= r.Primaries, TestStack.WaitTimeout);

        Assert.Contains("cluster_state:ok", info, StringComparison.Ordinal);
        Assert.True(primaries >= 3, "at least 3 primaries");
        Assert.True(replicas >= primaries, "a replica for each primary");
    }

    private async Task<(string? Info, int Primaries, int Replicas)> RolesAsync()
    {
        await using var redis = await ConnectAsync();
        var servers = redis.GetServers();
        var info = (string?)await servers[0].ExecuteAsync("CLUSTER", "INFO").WaitAsync(TestStack.WaitTimeout);
        return (info, servers.Count(s => !s.IsReplica), servers.Count(s => s.IsReplica));
    }

    [Fact]
    public async Task KeysOfOneHashTagWorkTogetherThroughTheCacheConnectionString()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        var tag = $"{{p:{Guid.NewGuid():N}}}";

        await db.StringSetAsync([new($"{tag}:a", "1"), new($"{tag}:b", "2")]).WaitAsync(TestStack.WaitTimeout);
        var values = await db.StringGetAsync([$"{tag}:a", $"{tag}:b"]).WaitAsync(TestStack.WaitTimeout);

        Assert.Equal(["1", "2"], values.Select(v => v.ToString()));
    }

    [Fact]
    public async Task ACrossSlotMsetFails()
    {
        var reply = await RedisCliAsync(authenticated: true, "MSET", $"{{a}}{Guid.NewGuid():N}", "1", $"{{b}}{Guid.NewGuid():N}", "2");

        Assert.Contains("CROSSSLOT", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsWithoutAuthAreRejected()
    {
        var reply = await RedisCliAsync(authenticated: false, "PING");

        Assert.Contains("NOAUTH", reply, StringComparison.Ordinal);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        // Admin mode only so the test may ask CLUSTER INFO; the connection string itself is used as served.
        var options = ConfigurationOptions.Parse(await stack.ConnectionStringAsync(ResourceNames.Cache));
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(TestStack.WaitTimeout);
    }

    // redis-cli prints a server error and still exits 0, so the reply is the error text itself.
    private async Task<string> RedisCliAsync(bool authenticated, params string[] command)
    {
        var cache = await stack.ConnectionStringAsync(ResourceNames.Cache);
        var port = int.Parse(cache.Split(',')[0].Split(':')[1], CultureInfo.InvariantCulture);
        var environment = authenticated
            ? new Dictionary<string, string> { ["REDISCLI_AUTH"] = stack.Secrets.RedisPassword }
            : null;
        return await ProcessRunner.RunAsync(
            new ServerCommand(ServerBinaries.OnPath("redis-cli", "redis-tools", "redis"), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. command]),
            environment: environment).WaitAsync(TestStack.WaitTimeout);
    }
}
