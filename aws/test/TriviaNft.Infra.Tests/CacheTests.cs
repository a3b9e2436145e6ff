using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class CacheTests(DataStackTemplates templates)
{
    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisSevenRunsInClusterModeWithTwoShardsOfThreeNodes(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("AWS::ElastiCache::ReplicationGroup", 1);
        template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["ReplicationGroupId"] = $"trivianft-redis-{environment}",
            ["Engine"] = "redis",
            ["EngineVersion"] = "7.0",
            ["CacheNodeType"] = "cache.r7g.large",
            ["ClusterMode"] = "enabled",
            ["CacheParameterGroupName"] = "default.redis7.cluster.on",
            ["NumNodeGroups"] = 2,
            ["ReplicasPerNodeGroup"] = 2,
            ["Port"] = 6379,
            ["NumCacheClusters"] = Match.Absent(),
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisIsEncryptedInTransitAndAtRest(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["TransitEncryptionEnabled"] = true,
            ["AtRestEncryptionEnabled"] = true,
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisFailsOverAutomaticallyAcrossAvailabilityZones(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["AutomaticFailoverEnabled"] = true,
            ["MultiAZEnabled"] = true,
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void SnapshotsAreKeptSevenDays(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["SnapshotRetentionLimit"] = 7,
            ["SnapshotWindow"] = Match.AnyValue(),
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisRunsInTheIsolatedSubnetsBehindItsSecurityGroup(string environment)
    {
        var template = templates.For(environment);
        var subnetGroup = new Capture();

        template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["CacheSubnetGroupName"] = new Dictionary<string, object> { ["Ref"] = subnetGroup },
            ["SecurityGroupIds"] = new object[] { GetAtt(template.SecurityGroup("TriviaNft Redis"), "GroupId") },
        });
        var subnets = RefTargets(template.PropertiesOf("AWS::ElastiCache::SubnetGroup", subnetGroup.AsString())["SubnetIds"]).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("IsolatedSubnet", s, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AuthTokenIsResolvedFromTheRedisSecretAtDeployTime(string environment)
    {
        var template = templates.For(environment);
        var secret = template.LogicalIdOf("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = $"{environment}/trivia-nft/redis",
        });

        template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", new Dictionary<string, object>
        {
            ["AuthToken"] = new Dictionary<string, object>
            {
                ["Fn::Join"] = new object[] { "", new object[] { "{{resolve:secretsmanager:", Ref(secret), ":SecretString:authToken::}}" } },
            },
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void NoPlaintextAuthTokenOrPasswordIsInTheTemplate(string environment)
    {
        var template = templates.For(environment);

        // Secret values only ever appear as dynamic references, never as literal strings.
        Assert.All(template.PropertiesOf("AWS::ElastiCache::ReplicationGroup").Values,
            p => Assert.IsNotType<string>(p["AuthToken"]));
        Assert.All(template.PropertiesOf("AWS::RDS::DBCluster").Values,
            p => Assert.IsNotType<string>(p["MasterUserPassword"]));
        Assert.All(template.PropertiesOf("AWS::SecretsManager::Secret").Values,
            p => Assert.False(p.ContainsKey("SecretString"), "A secret's value is written in the template."));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AuthTokenIsGeneratedWithoutCharactersElastiCacheRejects(string environment)
    {
        var template = templates.For(environment);
        var generate = new Capture();
        template.HasResourceProperties("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = $"{environment}/trivia-nft/redis",
            ["GenerateSecretString"] = generate,
        });

        var options = generate.AsObject();

        Assert.Equal("authToken", options["GenerateStringKey"]);
        Assert.Equal(true, options["ExcludePunctuation"]);
        Assert.Equal(false, options["IncludeSpace"]);
        Assert.InRange(Convert.ToDouble(options["PasswordLength"], System.Globalization.CultureInfo.InvariantCulture), 16, 128);
        var excluded = (string)options["ExcludeCharacters"];
        Assert.All(new[] { '@', '"', '/', ' ' }, c => Assert.Contains(c, excluded));
    }
}
