using Amazon.CDK;

namespace TriviaNft.Infra.Tests;

public sealed class DataStackEnvironmentTests
{
    [Theory]
    [InlineData(null, "staging")]
    [InlineData("", "staging")]
    [InlineData("staging", "staging")]
    [InlineData("production", "production")]
    [InlineData("Production", "production")]
    public void ContextValueSelectsTheEnvironment(string? value, string expected) =>
        Assert.Equal(expected, DataStackEnvironment.FromName(value).Name);

    [Fact]
    public void AnUnknownEnvironmentFailsNamingTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => DataStackEnvironment.FromName("prod"));

        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("env=staging", error.Message, StringComparison.Ordinal);
        Assert.Contains("env=production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyProductionRetainsItsDataAndHidesItsSql()
    {
        Assert.Equal(RemovalPolicy.RETAIN, DataStackEnvironment.Production.RemovalPolicy);
        Assert.True(DataStackEnvironment.Production.DeletionProtection);
        Assert.False(DataStackEnvironment.Production.ProxyDebugLogging);
        Assert.Equal(RemovalPolicy.DESTROY, DataStackEnvironment.Staging.RemovalPolicy);
        Assert.False(DataStackEnvironment.Staging.DeletionProtection);
        Assert.True(DataStackEnvironment.Staging.ProxyDebugLogging);
    }

    [Theory]
    [InlineData("staging", "TriviaNft-DataStack-staging")]
    [InlineData("production", "TriviaNft-DataStack-production")]
    public void EachEnvironmentHasItsOwnStack(string environment, string stackName) =>
        Assert.Equal(stackName, DataStackEnvironment.FromName(environment).StackName);
}
