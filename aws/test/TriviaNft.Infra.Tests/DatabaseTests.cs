using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class DatabaseTests(DataStackTemplates templates)
{
    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AuroraIsPostgres154WithTheTriviaNftDatabase(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("AWS::RDS::DBCluster", 1);
        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["Engine"] = "aurora-postgresql",
            ["EngineVersion"] = "15.4",
            ["DatabaseName"] = "trivianft",
            ["Port"] = 5432,
            ["DBClusterIdentifier"] = $"trivianft-aurora-{environment}",
        });
    }

    [Theory]
    [InlineData("staging", 0.5, 16)]
    [InlineData("production", 2, 16)]
    public void CapacityRangeFollowsTheEnvironment(string environment, double min, double max) =>
        templates.For(environment).HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["ServerlessV2ScalingConfiguration"] = new Dictionary<string, object> { ["MinCapacity"] = min, ["MaxCapacity"] = max },
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void WriterAndReaderAreServerlessWithPerformanceInsights(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("AWS::RDS::DBInstance", 2);
        template.AllResourcesProperties("AWS::RDS::DBInstance", new Dictionary<string, object>
        {
            ["DBInstanceClass"] = "db.serverless",
            ["Engine"] = "aurora-postgresql",
            ["EnablePerformanceInsights"] = true,
            ["PerformanceInsightsKMSKeyId"] = Match.AnyValue(),
            ["PubliclyAccessible"] = false,
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ReaderScalesWithTheWriter(string environment)
    {
        // Readers in promotion tier 0 or 1 follow the writer's capacity; CDK puts the writer in 0.
        var tiers = templates.For(environment).PropertiesOf("AWS::RDS::DBInstance").Values.Select(i => i["PromotionTier"]).Order();

        Assert.Equal([0.0, 1.0], tiers);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ClusterRunsInTheIsolatedSubnets(string environment)
    {
        var template = templates.For(environment);
        var subnetGroup = new Capture();
        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["DBSubnetGroupName"] = new Dictionary<string, object> { ["Ref"] = subnetGroup },
        });

        var subnets = RefTargets(template.PropertiesOf("AWS::RDS::DBSubnetGroup", subnetGroup.AsString())["SubnetIds"]).ToList();

        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("IsolatedSubnet", s, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void StorageIsEncryptedWithARotatedCustomerManagedKey(string environment)
    {
        var template = templates.For(environment);
        var key = new Capture();

        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["StorageEncrypted"] = true,
            ["KmsKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { key, "Arn" } },
        });
        Assert.Equal(true, template.PropertiesOf("AWS::KMS::Key", key.AsString())["EnableKeyRotation"]);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void BackupsAreKeptThirtyFiveDays(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["BackupRetentionPeriod"] = 35,
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void PostgresqlLogsAreExportedAndKeptThirtyDays(string environment)
    {
        var template = templates.For(environment);

        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["EnableCloudwatchLogsExports"] = new object[] { "postgresql" },
        });
        var logGroup = template.LogicalIdOf("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = $"/aws/rds/cluster/trivianft-aurora-{environment}/postgresql",
            ["RetentionInDays"] = 30,
        });
        // The group must exist before RDS starts exporting into it.
        template.HasResource("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith([logGroup]),
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void DirectConnectionsMustUseTls(string environment)
    {
        var template = templates.For(environment);
        var parameterGroup = template.LogicalIdOf("AWS::RDS::DBClusterParameterGroup", new Dictionary<string, object>
        {
            ["Family"] = "aurora-postgresql15",
            ["Parameters"] = Match.ObjectLike(new Dictionary<string, object> { ["rds.force_ssl"] = "1" }),
        });

        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["DBClusterParameterGroupName"] = Ref(parameterGroup),
        });
    }

    [Fact]
    public void ProductionIsProtectedFromDeletion()
    {
        var template = templates.For("production");

        template.HasResource("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["DeletionProtection"] = true }),
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        });
        template.AllResources("AWS::RDS::DBInstance", new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" });
        template.AllResources("AWS::KMS::Key", new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" });
        Assert.True(templates.StackFor("production").TerminationProtection);
    }

    [Fact]
    public void StagingHasNoDeletionProtection()
    {
        var template = templates.For("staging");

        template.HasResource("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["DeletionProtection"] = false }),
            ["DeletionPolicy"] = "Delete",
        });
        Assert.False(templates.StackFor("staging").TerminationProtection);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void CredentialsAreGeneratedIntoTheDatabaseSecret(string environment)
    {
        var template = templates.For(environment);
        var secret = template.LogicalIdOf("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = $"{environment}/trivia-nft/database",
            ["GenerateSecretString"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["GenerateStringKey"] = "password",
                ["SecretStringTemplate"] = Match.SerializedJson(new Dictionary<string, object>
                {
                    ["username"] = "postgres",
                    ["dbname"] = "trivianft",
                }),
            }),
        });
        var cluster = Assert.Single(template.FindResources("AWS::RDS::DBCluster", null)).Key;

        template.HasResourceProperties("AWS::RDS::DBCluster", new Dictionary<string, object>
        {
            ["MasterUserPassword"] = new Dictionary<string, object>
            {
                ["Fn::Join"] = new object[] { "", new object[] { "{{resolve:secretsmanager:", Ref(secret), ":SecretString:password::}}" } },
            },
        });
        // The attachment adds host, port and engine to the secret.
        template.HasResourceProperties("AWS::SecretsManager::SecretTargetAttachment", new Dictionary<string, object>
        {
            ["SecretId"] = Ref(secret),
            ["TargetId"] = Ref(cluster),
            ["TargetType"] = "AWS::RDS::DBCluster",
        });
    }
}
