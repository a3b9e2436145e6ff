using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class ProxyTests(DataStackTemplates templates)
{
    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ProxyRequiresTlsAndAuthenticatesWithTheDatabaseSecret(string environment)
    {
        var template = templates.For(environment);
        var attachment = Assert.Single(template.FindResources("AWS::SecretsManager::SecretTargetAttachment", null)).Key;

        template.ResourceCountIs("AWS::RDS::DBProxy", 1);
        template.HasResourceProperties("AWS::RDS::DBProxy", new Dictionary<string, object>
        {
            ["DBProxyName"] = $"trivianft-proxy-{environment}",
            ["EngineFamily"] = "POSTGRESQL",
            ["RequireTLS"] = true,
            ["Auth"] = Match.ArrayEquals(
            [
                Match.ObjectLike(new Dictionary<string, object> { ["AuthScheme"] = "SECRETS", ["SecretArn"] = Ref(attachment) }),
            ]),
            ["VpcSecurityGroupIds"] = new object[] { GetAtt(template.SecurityGroup("TriviaNft RDS Proxy"), "GroupId") },
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ConnectionPoolFollowsTheGuide(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::RDS::DBProxyTargetGroup", new Dictionary<string, object>
        {
            ["ConnectionPoolConfigurationInfo"] = new Dictionary<string, object>
            {
                ["MaxConnectionsPercent"] = 100,
                ["MaxIdleConnectionsPercent"] = 50,
                ["ConnectionBorrowTimeout"] = 120,
                ["InitQuery"] = "SET statement_timeout = '30s'",
            },
            ["DBClusterIdentifiers"] = Match.ArrayEquals([Match.AnyValue()]),
        });

    [Theory]
    [InlineData("staging", true)]
    [InlineData("production", false)]
    public void DebugLoggingIsOnInStagingOnly(string environment, bool debugLogging) =>
        templates.For(environment).HasResourceProperties("AWS::RDS::DBProxy", new Dictionary<string, object>
        {
            ["DebugLogging"] = debugLogging,
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ReadOnlyEndpointServesTheReader(string environment)
    {
        var template = templates.For(environment);
        var proxy = Assert.Single(template.FindResources("AWS::RDS::DBProxy", null)).Key;

        template.ResourceCountIs("AWS::RDS::DBProxyEndpoint", 1);
        template.HasResourceProperties("AWS::RDS::DBProxyEndpoint", new Dictionary<string, object>
        {
            ["DBProxyName"] = Ref(proxy),
            ["TargetRole"] = "READ_ONLY",
            ["VpcSecurityGroupIds"] = new object[] { GetAtt(template.SecurityGroup("TriviaNft RDS Proxy"), "GroupId") },
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ProxyAndItsReadOnlyEndpointRunInTheIsolatedSubnets(string environment)
    {
        var template = templates.For(environment);

        foreach (var type in new[] { "AWS::RDS::DBProxy", "AWS::RDS::DBProxyEndpoint" })
        {
            var subnets = RefTargets(template.PropertiesOf(type).Values.Single()["VpcSubnetIds"]).ToList();
            Assert.Equal(2, subnets.Count);
            Assert.All(subnets, s => Assert.Contains("IsolatedSubnet", s, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ProxyLogsAreKeptThirtyDays(string environment)
    {
        var template = templates.For(environment);
        var logGroup = template.LogicalIdOf("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = $"/aws/rds/proxy/trivianft-proxy-{environment}",
            ["RetentionInDays"] = 30,
        });

        template.HasResource("AWS::RDS::DBProxy", new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith([logGroup]),
        });
    }
}
