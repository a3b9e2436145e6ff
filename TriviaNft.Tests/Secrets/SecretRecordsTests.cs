using TriviaNft.Data.Configuration;
using TriviaNft.Data.Redis.Connection;

namespace TriviaNft.Tests.Secrets;

/// <summary>The secret records print themselves (string interpolation, a logged object) without their secret.</summary>
public sealed class SecretRecordsTests
{
    private readonly string _secret = "S3cret" + Guid.NewGuid().ToString("N");

    [Fact]
    public void ADatabaseSecretPrintsItsEndpointButNotItsPassword()
    {
        var secret = DatabaseSecret.Parse($$"""{"username":"trivia_app","password":"{{_secret}}","host":"db.example","port":"5432","dbname":"trivianft"}""");

        var printed = $"{secret}";

        Assert.Contains("db.example", printed);
        Assert.Contains("trivia_app", printed);
        SecretScan.AssertNone(printed, [_secret]);
        Assert.Equal(_secret, secret.Password);
    }

    [Fact]
    public void ARedisAuthSecretPrintsWithoutItsToken()
    {
        var secret = RedisAuthSecret.Parse($$"""{"authToken":"{{_secret}}"}""");

        var printed = $"{secret}";

        Assert.StartsWith(nameof(RedisAuthSecret), printed, StringComparison.Ordinal);
        SecretScan.AssertNone(printed, [_secret]);
        Assert.Equal(_secret, secret.AuthToken);
    }
}
