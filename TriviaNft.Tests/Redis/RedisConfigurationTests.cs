using System.Net;
using TriviaNft.Data.Redis.Connection;

namespace TriviaNft.Tests.Redis;

public sealed class RedisConfigurationTests
{
    [Fact]
    public void ARedisUrlBecomesAConfigurationWithItsPasswordAndNoTls()
    {
        var options = TriviaNftRedis.ParseConfiguration("redis://:s3cr%40t@cache.local:6380");

        Assert.Equal(new DnsEndPoint("cache.local", 6380), Assert.Single(options.EndPoints));
        Assert.Equal(("s3cr@t", false, null), (options.Password, options.Ssl, options.User));
        Assert.Equal((false, 0, TriviaNftRedis.ConnectTimeoutMs), (options.AbortOnConnectFail, options.DefaultDatabase, options.ConnectTimeout));
    }

    [Fact]
    public void ARedissUrlTurnsTlsOnAndDefaultsThePort()
    {
        var options = TriviaNftRedis.ParseConfiguration("rediss://default:token@clustercfg.trivia.cache.amazonaws.com");

        Assert.Equal(new DnsEndPoint("clustercfg.trivia.cache.amazonaws.com", 6379), Assert.Single(options.EndPoints));
        Assert.Equal(("token", true, null), (options.Password, options.Ssl, options.User));
    }

    [Fact]
    public void AConfigurationStringKeepsItsNodesAndSettings()
    {
        var options = TriviaNftRedis.ParseConfiguration("127.0.0.1:7000,127.0.0.1:7001,password=pw,ssl=true,connectTimeout=2000");

        Assert.Equal(2, options.EndPoints.Count);
        Assert.Equal(("pw", true, 2000), (options.Password, options.Ssl, options.ConnectTimeout));
    }

    [Fact]
    public void OnlyDatabaseZeroExistsInClusterMode()
    {
        Assert.Throws<ArgumentException>(() => TriviaNftRedis.ParseConfiguration("redis://cache.local:6379/1"));
    }

    [Fact]
    public void TheElastiCacheSecretGivesATlsConnectionWithItsAuthToken()
    {
        var token = RedisAuthSecret.Parse("""{"authToken": "tok-123"}""").AuthToken;

        var options = TriviaNftRedis.ForElastiCache("clustercfg.trivia.cache.amazonaws.com:6379", token);

        Assert.Equal(("tok-123", true), (options.Password, options.Ssl));
        Assert.Equal(new DnsEndPoint("clustercfg.trivia.cache.amazonaws.com", 6379), Assert.Single(options.EndPoints));
    }

    [Theory]
    [InlineData("""{"token": "tok-secret"}""")]
    [InlineData("""tok-secret""")]
    public void AMalformedSecretIsReportedWithoutQuotingIt(string secret)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RedisAuthSecret.Parse(secret));

        Assert.DoesNotContain("tok-secret", error.Message, StringComparison.Ordinal);
    }
}
