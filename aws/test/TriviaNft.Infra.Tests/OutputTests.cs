using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class OutputTests(DataStackTemplates templates)
{
    private static readonly string[] BindingKeys =
    [
        "WriterEndpoint", "ReaderEndpoint", "DatabasePort", "DatabaseName", "ProxyEndpoint", "ProxyReadOnlyEndpoint",
        "RedisConfigurationEndpoint", "RedisPort", "DatabaseSecretArn", "RedisSecretArn", "LambdaSecurityGroupId",
        "VpcId", "PrivateSubnetIds", "AlarmTopicArn",
    ];

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EveryBindingOutputIsExportedUnderAStableName(string environment)
    {
        var template = templates.For(environment);

        foreach (var key in BindingKeys)
        {
            template.HasOutput(key, new Dictionary<string, object>
            {
                ["Export"] = new Dictionary<string, object> { ["Name"] = $"TriviaNft-DataStack-{environment}-{key}" },
            });
        }
        Assert.Equal(BindingKeys.Order(), template.FindOutputs("*", null).Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EndpointOutputsPointAtTheirResources(string environment)
    {
        var template = templates.For(environment);
        string Only(string type) => Assert.Single(template.FindResources(type, null)).Key;
        var cluster = Only("AWS::RDS::DBCluster");
        var redis = Only("AWS::ElastiCache::ReplicationGroup");

        AssertOutput("WriterEndpoint", GetAtt(cluster, "Endpoint.Address"));
        AssertOutput("ReaderEndpoint", GetAtt(cluster, "ReadEndpoint.Address"));
        AssertOutput("ProxyEndpoint", GetAtt(Only("AWS::RDS::DBProxy"), "Endpoint"));
        AssertOutput("ProxyReadOnlyEndpoint", GetAtt(Only("AWS::RDS::DBProxyEndpoint"), "Endpoint"));
        AssertOutput("RedisConfigurationEndpoint", GetAtt(redis, "ConfigurationEndPoint.Address"));
        AssertOutput("RedisPort", GetAtt(redis, "ConfigurationEndPoint.Port"));
        AssertOutput("DatabaseSecretArn", Ref(Only("AWS::SecretsManager::SecretTargetAttachment")));
        AssertOutput("RedisSecretArn", Ref(template.LogicalIdOf("AWS::SecretsManager::Secret",
            new Dictionary<string, object> { ["Name"] = $"{environment}/trivia-nft/redis" })));
        AssertOutput("LambdaSecurityGroupId", GetAtt(template.SecurityGroup("TriviaNft Lambda"), "GroupId"));
        AssertOutput("VpcId", Ref(Only("AWS::EC2::VPC")));
        AssertOutput("DatabaseName", "trivianft");

        var privateSubnets = new Capture();
        template.HasOutput("PrivateSubnetIds", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Fn::Join"] = new object[] { ",", privateSubnets } },
        });
        var subnets = RefTargets(privateSubnets.AsArray()).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("PrivateSubnet", s, StringComparison.Ordinal));

        void AssertOutput(string key, object value) =>
            template.HasOutput(key, new Dictionary<string, object> { ["Value"] = value });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void OutputsCarryNoSecretValues(string environment)
    {
        var outputs = System.Text.Json.JsonSerializer.Serialize(templates.For(environment).FindOutputs("*", null));

        Assert.DoesNotContain("resolve:secretsmanager", outputs, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretString", outputs, StringComparison.Ordinal);
    }
}
