using Npgsql;
using TriviaNft.Data.Configuration;

namespace TriviaNft.Tests.Data;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void AGuideStyleDatabaseUrlBecomesAnNpgsqlConnectionString()
    {
        var builder = PostgresConnectionStrings.Parse("postgresql://app%40x:p%3Ass@db.local:6543/trivianft?sslmode=require&connect_timeout=7");

        Assert.Equal("db.local", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("trivianft", builder.Database);
        Assert.Equal("app@x", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void AUrlWithoutPortUsesFiveFourThreeTwo()
    {
        Assert.Equal(5432, PostgresConnectionStrings.Parse("postgres://u@h/db").Port);
    }

    [Fact]
    public void KeyValueStringsPassThrough()
    {
        var builder = PostgresConnectionStrings.Parse("Host=h;Port=1234;Username=u;Password=p;Database=d");

        Assert.Equal(1234, builder.Port);
        Assert.Equal("d", builder.Database);
    }

    [Theory]
    [InlineData("")]
    [InlineData("postgresql://")]
    [InlineData("definitely not;a=connection string")]
    [InlineData("postgresql://u:p@h/db?no_such_keyword=1")]
    public void MalformedValuesFailWithAnArgumentExceptionThatHidesThePassword(string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => PostgresConnectionStrings.Parse(value));

        Assert.DoesNotContain(":p@", error.Message);
    }
}
