using StackExchange.Redis;

namespace TriviaNft.Tests.Redis;

/// <summary>TTL checks with PTTL, as the guide's table says them (design.md §10: TTLs are checked by tests).</summary>
internal static class TtlAssert
{
    // Time between setting a TTL and reading it back in a test: generous for a loaded 2-core machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    /// <summary><paramref name="key"/> expires in at most <paramref name="expected"/> and not much less.</summary>
    public static async Task AboutAsync(IDatabase redis, RedisKey key, TimeSpan expected)
    {
        var ttl = await redis.KeyTimeToLiveAsync(key);
        Assert.True(ttl is not null, $"{key} has no TTL (or does not exist).");
        Assert.InRange(ttl.Value, expected - Slack, expected);
    }

    /// <summary><paramref name="key"/> exists and never expires.</summary>
    public static async Task NoneAsync(IDatabase redis, RedisKey key)
    {
        Assert.True(await redis.KeyExistsAsync(key), $"{key} does not exist.");
        Assert.Null(await redis.KeyTimeToLiveAsync(key));
    }
}
