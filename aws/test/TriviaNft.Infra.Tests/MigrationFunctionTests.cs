using TriviaNft.Infra.Constructs;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class MigrationFunctionTests(DataStackTemplates templates)
{
    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void WithoutABundleTheStackHasNoMigrationFunction(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("Custom::TriviaNftMigration", 0);
        template.ResourcePropertiesCountIs("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
        }, 0);
        Assert.Empty(template.FindOutputs("MigrationFunctionName", null));
    }

    [Fact]
    public void ABundleDirectoryThatDoesNotExistCreatesNothing()
    {
        var stack = NewStack(Path.Combine(Path.GetTempPath(), $"no-such-bundle-{Guid.NewGuid():N}"));

        Assert.Null(stack.Migration.Function);
    }

    [Fact]
    public void ABundleWithoutBootstrapIsRejected()
    {
        var empty = Directory.CreateTempSubdirectory("trivianft-empty-bundle-");
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => NewStack(empty.FullName));
            Assert.Contains("bootstrap", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void MigrationsRunInACustomRuntimeLambdaInThePrivateSubnets()
    {
        var template = templates.WithMigrationBundle;
        var logGroup = new Capture();
        var subnets = new Capture();

        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "TriviaNFT-Migration-staging",
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = new object[] { "x86_64" },
            ["VpcConfig"] = new Dictionary<string, object>
            {
                ["SubnetIds"] = subnets,
                ["SecurityGroupIds"] = new object[] { GetAtt(template.SecurityGroup("TriviaNft Lambda"), "GroupId") },
            },
            ["LoggingConfig"] = new Dictionary<string, object> { ["LogGroup"] = new Dictionary<string, object> { ["Ref"] = logGroup } },
            ["Layers"] = Match.ArrayEquals([Match.AnyValue()]),
            ["Environment"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["DATABASE_SECRET_ARN"] = Match.AnyValue(),
                    ["PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"] = "2773",
                }),
            }),
        });

        Assert.All(RefTargets(subnets.AsArray()), s => Assert.Contains("PrivateSubnet", s, StringComparison.Ordinal));
        Assert.Equal(30.0, template.PropertiesOf("AWS::Logs::LogGroup", logGroup.AsString())["RetentionInDays"]);
        template.HasOutput("MigrationFunctionName", new Dictionary<string, object>
        {
            ["Export"] = new Dictionary<string, object> { ["Name"] = "TriviaNft-DataStack-staging-MigrationFunctionName" },
        });
    }

    [Fact]
    public void MigrationFunctionMayReadTheTwoSecretsAndSendFailedRunsToTheJobQueueAndNothingElse()
    {
        var template = templates.WithMigrationBundle;
        var role = new Capture();
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "TriviaNFT-Migration-staging",
            ["Role"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { role, "Arn" } },
        });
        var attachment = Assert.Single(template.FindResources("AWS::SecretsManager::SecretTargetAttachment", null)).Key;
        var redisSecret = template.LogicalIdOf("AWS::SecretsManager::Secret", new Dictionary<string, object> { ["Name"] = "staging/trivia-nft/redis" });
        var queue = Assert.Single(template.FindResources("AWS::SQS::Queue", null)).Key;

        var policies = template.PropertiesOf("AWS::IAM::Policy").Values
            .Where(p => RefTargets(p["Roles"]).Contains(role.AsString()))
            .ToList();
        var statements = ((object[])((IDictionary<string, object>)Assert.Single(policies)["PolicyDocument"])["Statement"])
            .Cast<IDictionary<string, object>>()
            .ToList();

        Assert.All(statements, s => Assert.False(s.ContainsKey("Condition")));
        Assert.Equal(
            [
                Allows("secretsmanager:DescribeSecret", Ref(attachment)),
                Allows("secretsmanager:DescribeSecret", Ref(redisSecret)),
                Allows("secretsmanager:GetSecretValue", Ref(attachment)),
                Allows("secretsmanager:GetSecretValue", Ref(redisSecret)),
                // Lambda's on-failure destination for the scheduled runs (JobSchedules).
                Allows("sqs:GetQueueAttributes", GetAtt(queue, "Arn")),
                Allows("sqs:GetQueueUrl", GetAtt(queue, "Arn")),
                Allows("sqs:SendMessage", GetAtt(queue, "Arn")),
            ],
            AllowedPairs(statements));
    }

    [Fact]
    public void MigrationsRunAfterTheClusterAndItsInstancesExistAndAgainWhenTheBundleChanges()
    {
        var template = templates.WithMigrationBundle;
        var instances = template.FindResources("AWS::RDS::DBInstance", null).Keys.ToList();

        template.HasResourceProperties("Custom::TriviaNftMigration", new Dictionary<string, object>
        {
            ["BundleFingerprint"] = Match.StringLikeRegexp("^[0-9a-f]{64}$"),
            ["MigrationsChecksum"] = MigrationFunction.MigrationsChecksum(templates.MigrationBundle),
        });
        Assert.Equal(2, instances.Count);
        foreach (var instance in instances)
        {
            // The writer must accept connections before migrations run, not just the cluster resource.
            template.HasResource("Custom::TriviaNftMigration", new Dictionary<string, object>
            {
                ["DependsOn"] = Match.ArrayWith([instance]),
            });
        }
    }

    [Fact]
    public void TheMigrationsChecksumChangesWhenAMigrationChanges()
    {
        var bundle = Directory.CreateTempSubdirectory("trivianft-checksum-").FullName;
        Directory.CreateDirectory(Path.Combine(bundle, "migrations"));
        var file = Path.Combine(bundle, "migrations", "1_initial-schema.sql");
        File.WriteAllText(file, "SELECT 1;\n");
        var before = MigrationFunction.MigrationsChecksum(bundle);

        File.WriteAllText(file, "SELECT 2;\n");

        Assert.NotEqual(before, MigrationFunction.MigrationsChecksum(bundle));
        Directory.Delete(bundle, recursive: true);
    }

    private static DataStack NewStack(string bundle) =>
        new(new App(new AppProps { Context = DataStackTemplates.CdkJsonContext() }), "Probe", new DataStackProps
        {
            Environment = DataStackEnvironment.Staging,
            MigrationBundleDirectory = bundle,
        });
}
